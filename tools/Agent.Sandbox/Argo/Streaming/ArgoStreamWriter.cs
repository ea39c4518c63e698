using System.Text;
using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Json;
using Microsoft.AspNetCore.Http.Features;

namespace Agent.Sandbox.Argo.Streaming;

/// <summary>
/// Writes a server stream the way Argo's <c>StreamForwarder</c> does: NDJSON (<c>{"result":…}\n</c>) by default, or SSE
/// (<c>data: {…} \n\n</c>, note the space, plus a <c>:\n</c> comment every keep-alive interval) when the Accept header
/// is exactly <c>text/event-stream</c>. Every frame is flushed at once, and writes are serialized so the keep-alive
/// timer never interleaves with an event.
/// </summary>
internal sealed class ArgoStreamWriter(HttpResponse response, TimeProvider timeProvider, TimeSpan keepAliveInterval) : IAsyncDisposable
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly bool _serverSentEvents = WantsServerSentEvents(response.HttpContext.Request);
    private ITimer? _keepAlive;
    private bool _closed;

    /// <summary>Go's <c>Header.Get("Accept") == "text/event-stream"</c>: only the exact first value selects SSE.</summary>
    public static bool WantsServerSentEvents(HttpRequest request) =>
        request.Headers.Accept.Count > 0 && request.Headers.Accept[0] == "text/event-stream";

    /// <summary>Sends the 200 headers now, before any event exists, as Argo does with <c>SendHeader</c>.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = _serverSentEvents ? "text/event-stream" : "application/json";
        response.HttpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await response.StartAsync(cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
        if (_serverSentEvents)
        {
            _keepAlive = timeProvider.CreateTimer(_ => _ = WriteKeepAliveAsync(), null, keepAliveInterval, keepAliveInterval);
        }
    }

    public Task WriteResultAsync(JsonNode result, CancellationToken cancellationToken) =>
        WriteFrameAsync(new JsonObject { ["result"] = result }, cancellationToken);

    public Task WriteErrorAsync(int grpcCode, string message, CancellationToken cancellationToken) =>
        WriteFrameAsync(StreamErrors.Build(grpcCode, message), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_keepAlive is not null)
        {
            await _keepAlive.DisposeAsync();
        }

        await _writeLock.WaitAsync();
        _closed = true;
        _writeLock.Release();
    }

    private Task WriteFrameAsync(JsonNode frame, CancellationToken cancellationToken)
    {
        var json = ArgoJson.Serialize(frame);
        return WriteRawAsync(_serverSentEvents ? $"data: {json} \n\n" : $"{json}\n", cancellationToken);
    }

    private async Task WriteKeepAliveAsync()
    {
        try
        {
            await WriteRawAsync(":\n", response.HttpContext.RequestAborted);
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The client went away between ticks; the stream's own loop notices and ends.
        }
    }

    private async Task WriteRawAsync(string text, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            if (_closed)
            {
                return;
            }

            await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
            await response.Body.FlushAsync(cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }
}
