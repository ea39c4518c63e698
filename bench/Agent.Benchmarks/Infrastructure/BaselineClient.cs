using Agent.Core.Execution;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Agent.Core.Protocol;

namespace Agent.Benchmarks.Infrastructure;

/// <summary>
/// The floor the agent is compared with, on the same sandbox: a request envelope encoded, sent over one bare
/// WebSocket to the echo route and decoded when it comes back, then one direct Argo create call with a body
/// the agent itself produced. No agent, no control-plane bookkeeping.
/// </summary>
internal sealed class BaselineClient : IAsyncDisposable
{
    public const string BaselineAgentId = "bench-baseline";

    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiting = new(StringComparer.Ordinal);
    private readonly HttpClient _http;
    private readonly Uri _createUrl;
    private readonly JsonObject _template;
    private readonly CancellationTokenSource _stop = new();
    private Task _receiving = Task.CompletedTask;

    private BaselineClient(SandboxServer sandbox, JsonObject template)
    {
        _http = new HttpClient { BaseAddress = sandbox.BaseUrl, Timeout = TimeSpan.FromSeconds(10) };
        _createUrl = new Uri($"/api/v1/workflows/{BenchHost.Namespace}", UriKind.Relative);
        _template = template;
    }

    /// <summary>Connects, using a workflow the agent created as the template of every create body.</summary>
    public static async Task<BaselineClient> ConnectAsync(SandboxServer sandbox, JsonObject agentWorkflow)
    {
        var client = new BaselineClient(sandbox, ToCreateTemplate(agentWorkflow));
        await client._socket.ConnectAsync(new Uri($"ws://127.0.0.1:{sandbox.BaseUrl.Port}{BenchHost.EchoPath}"), CancellationToken.None);
        client._receiving = client.ReceiveLoopAsync();
        return client;
    }

    /// <summary>The create request body for operation <paramref name="index"/>, made before the clock starts.</summary>
    public byte[] CreateBody(int index)
    {
        var workflow = _template.DeepClone().AsObject();
        workflow["metadata"]!["name"] = $"baseline-{index}-{Guid.NewGuid():N}";
        return JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["workflow"] = workflow });
    }

    public async Task<string?> RoundTripAsync(JsonElement requestPayload, byte[] createBody, CancellationToken cancellationToken)
    {
        var envelope = MessageCodec.Create(MessageTypes.PipelineRun, requestPayload, ProtocolJsonContext.Default.JsonElement, DateTimeOffset.UtcNow);
        var echoed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[envelope.Id] = echoed;
        var frame = MessageCodec.Encode(envelope);
        await _sendGate.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sendGate.Release();
        }

        await echoed.Task.WaitAsync(cancellationToken);
        using var content = new ByteArrayContent(createBody);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await _http.PostAsync(_createUrl, content, cancellationToken);
        return response.IsSuccessStatusCode ? null : $"http {(int)response.StatusCode}";
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            using var closing = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, closing.Token);
            await _receiving.WaitAsync(closing.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or TimeoutException)
        {
            // Closing is best effort.
        }

        _socket.Dispose();
        _http.Dispose();
        _sendGate.Dispose();
        _stop.Dispose();
    }

    /// <summary>An agent-made workflow stripped of what the server sets, labelled for another agent so no agent tracks it.</summary>
    private static JsonObject ToCreateTemplate(JsonObject agentWorkflow)
    {
        var workflow = agentWorkflow.DeepClone().AsObject();
        workflow.Remove("status");
        var metadata = workflow["metadata"]!.AsObject();
        foreach (var field in new[] { "uid", "creationTimestamp", "resourceVersion", "generation", "managedFields" })
        {
            metadata.Remove(field);
        }

        var labels = metadata["labels"]!.AsObject();
        labels.Remove("workflows.argoproj.io/completed");
        labels.Remove("workflows.argoproj.io/phase");
        labels[WorkflowLabels.AgentId] = BaselineAgentId;
        return workflow;
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[256 * 1024];
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var length = 0;
                ValueWebSocketReceiveResult received;
                do
                {
                    received = await _socket.ReceiveAsync(buffer.AsMemory(length), _stop.Token);
                    length += received.Count;
                }
                while (!received.EndOfMessage && received.MessageType != WebSocketMessageType.Close);

                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                var decoded = MessageCodec.Decode(buffer.AsMemory(0, length));
                if (decoded.Message is { } message && _waiting.TryRemove(message.Id, out var waiter))
                {
                    waiter.TrySetResult();
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // Stopped.
        }
    }
}
