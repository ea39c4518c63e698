using System.Net.WebSockets;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Channels;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;

namespace Agent.Gateway.Tests.Agents;

/// <summary>
/// An agent's side of protocol v1, written with Agent.Core's codec over <see cref="ClientWebSocket"/>: it sends what a
/// test tells it to and exposes every message the gateway sends, in order, and the close code.
/// </summary>
internal sealed class TestAgentClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly Channel<Envelope> _received = Channel.CreateUnbounded<Envelope>();
    private readonly TaskCompletionSource<int?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _sending = new(1, 1);
    private Task _reader = Task.CompletedTask;

    private TestAgentClient(string agentId) => AgentId = agentId;

    public string AgentId { get; }

    public string InstanceId { get; } = Guid.NewGuid().ToString();

    public string? SubProtocol => _socket.SubProtocol;

    public static async Task<TestAgentClient> ConnectAsync(Uri uri, string agentId, string token)
    {
        var client = new TestAgentClient(agentId);
        client._socket.Options.SetRequestHeader("Authorization", $"Bearer {token}");
        client._socket.Options.SetRequestHeader("X-Agent-Id", agentId);
        client._socket.Options.AddSubProtocol(ProtocolVersion.SubProtocol);
        await client._socket.ConnectAsync(uri, TestTimeouts.Token());
        client._reader = client.ReadLoopAsync();
        return client;
    }

    /// <summary>The close code the gateway closed with (null when the connection just ended).</summary>
    public Task<int?> ClosedAsync() => _closed.Task.WaitAsync(TestTimeouts.Default);

    /// <summary>The next message the gateway sent; fails when it is of another type or the socket closed first.</summary>
    public async Task<Envelope> NextAsync(string type)
    {
        var message = await _received.Reader.ReadAsync(TestTimeouts.Token());
        Assert.Equal(type, message.Type);
        return message;
    }

    /// <summary>Sends hello and returns the welcome.</summary>
    public async Task<WelcomePayload> HelloAsync(IReadOnlyList<int>? versions = null, IReadOnlyList<RunStatusPayload>? inventory = null)
    {
        await SendHelloAsync(versions, inventory);
        var welcome = await NextAsync(MessageTypes.Welcome);
        return Read(welcome, ProtocolJsonContext.Default.WelcomePayload);
    }

    public Task SendHelloAsync(IReadOnlyList<int>? versions = null, IReadOnlyList<RunStatusPayload>? inventory = null) =>
        SendAsync(MessageTypes.Hello, new HelloPayload(
            AgentId, InstanceId, "1.0.0-test", versions ?? [ProtocolVersion.Current], ["pipeline.deploy"],
            new ExecutorInfo("argo", "ingestion"), inventory ?? []), ProtocolJsonContext.Default.HelloPayload);

    public Task SendAsync<T>(string type, T payload, JsonTypeInfo<T> payloadType, long? seq = null, string? replyTo = null) =>
        SendRawAsync(MessageCodec.Encode(MessageCodec.Create(type, payload, payloadType, DateTimeOffset.UtcNow, seq, replyTo)));

    public Task SendResultAsync(string replyTo, ResultPayload result, long seq) =>
        SendAsync(MessageTypes.Result, result, ProtocolJsonContext.Default.ResultPayload, seq, replyTo);

    public Task SendRunStatusAsync(RunStatusPayload status, long seq) =>
        SendAsync(MessageTypes.RunStatus, status, ProtocolJsonContext.Default.RunStatusPayload, seq);

    public async Task SendRawAsync(ReadOnlyMemory<byte> frame, WebSocketMessageType type = WebSocketMessageType.Text)
    {
        await _sending.WaitAsync();
        try
        {
            await _socket.SendAsync(frame, type, endOfMessage: true, TestTimeouts.Token());
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>Closes from the agent's side, as an agent that stops does.</summary>
    public async Task CloseAsync()
    {
        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "agent stopping", TestTimeouts.Token());
        await ClosedAsync();
    }

    public static T Read<T>(Envelope message, JsonTypeInfo<T> payloadType)
    {
        Assert.True(PayloadReader.TryRead(message.Payload, payloadType, out var payload, out var reason), reason);
        return payload;
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Abort();
        await _reader;
        _socket.Dispose();
        _sending.Dispose();
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var received = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    _closed.TrySetResult((int?)_socket.CloseStatus);
                    if (_socket.State == WebSocketState.CloseReceived)
                    {
                        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, TestTimeouts.Token());
                    }

                    return;
                }

                message.Write(buffer, 0, received.Count);
                if (received.EndOfMessage)
                {
                    var decoded = MessageCodec.Decode(message.ToArray());
                    message.SetLength(0);
                    Assert.True(decoded.IsSuccess, decoded.Error?.Reason);
                    _received.Writer.TryWrite(decoded.Message);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            _closed.TrySetResult(null);
        }
        finally
        {
            _received.Writer.TryComplete();
        }
    }
}
