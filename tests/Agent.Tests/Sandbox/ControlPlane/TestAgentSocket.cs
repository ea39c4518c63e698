using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;

namespace Agent.Tests.Sandbox.ControlPlane;

/// <summary>A minimal agent on a real <see cref="ClientWebSocket"/>: it sends encoded envelopes and reads frames under a timeout.</summary>
internal sealed class TestAgentSocket : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private long _nextSeq;

    private TestAgentSocket(ClientWebSocket socket, string agentId, string instanceId)
    {
        _socket = socket;
        AgentId = agentId;
        InstanceId = instanceId;
    }

    public string AgentId { get; }

    public string InstanceId { get; }

    public ClientWebSocket Socket => _socket;

    public static async Task<TestAgentSocket> ConnectAsync(Uri uri, string agentId, string token, string? instanceId = null)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", $"Bearer {token}");
        socket.Options.SetRequestHeader("X-Agent-Id", agentId);
        socket.Options.AddSubProtocol(ProtocolVersion.SubProtocol);
        using var timeout = new CancellationTokenSource(TestTimeouts.Default);
        await socket.ConnectAsync(uri, timeout.Token);
        return new TestAgentSocket(socket, agentId, instanceId ?? Guid.NewGuid().ToString());
    }

    public HelloPayload CreateHello(IReadOnlyList<int>? protocolVersions = null) => new(
        AgentId, InstanceId, "0.1.0-test", protocolVersions ?? [ProtocolVersion.Current], ["pipeline.run", "pipeline.status"],
        new ExecutorInfo("argo", "ingestion", "v3.6.0"), []);

    /// <summary>Sends hello and returns the welcome.</summary>
    public async Task<WelcomePayload> HelloAsync()
    {
        await SendAsync(Create(MessageTypes.Hello, CreateHello(), ProtocolJsonContext.Default.HelloPayload));
        var welcome = await ReceiveAsync();
        Assert.Equal(MessageTypes.Welcome, welcome.Type);
        Assert.True(PayloadReader.TryRead(welcome.Payload, ProtocolJsonContext.Default.WelcomePayload, out var payload, out var reason), reason);
        return payload;
    }

    public static Envelope Create<T>(string type, T payload, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, long? seq = null, string? replyTo = null) =>
        MessageCodec.Create(type, payload, typeInfo, DateTimeOffset.UtcNow, seq, replyTo);

    public Task SendAsync(Envelope message) => SendRawAsync(MessageCodec.Encode(message), WebSocketMessageType.Text);

    public Task SendTextAsync(string text) => SendRawAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text);

    public async Task SendRawAsync(byte[] data, WebSocketMessageType type)
    {
        using var timeout = new CancellationTokenSource(TestTimeouts.Default);
        await _socket.SendAsync(data, type, endOfMessage: true, timeout.Token);
    }

    /// <summary>Sends a heartbeat and returns its id.</summary>
    public async Task<string> SendHeartbeatAsync()
    {
        var heartbeat = Create(MessageTypes.Heartbeat, new HeartbeatPayload(0, 0, 1), ProtocolJsonContext.Default.HeartbeatPayload);
        await SendAsync(heartbeat);
        return heartbeat.Id;
    }

    /// <summary>Sends a run.status with the next seq (or the given one, to resend) and returns the seq used.</summary>
    public async Task<long> SendStatusAsync(RunStatusPayload status, long? seq = null)
    {
        var used = seq ?? ++_nextSeq;
        await SendAsync(Create(MessageTypes.RunStatus, status, ProtocolJsonContext.Default.RunStatusPayload, used));
        return used;
    }

    public async Task<long> SendResultAsync(string replyTo, ResultPayload result, long? seq = null)
    {
        var used = seq ?? ++_nextSeq;
        await SendAsync(Create(MessageTypes.Result, result, ProtocolJsonContext.Default.ResultPayload, used, replyTo));
        return used;
    }

    public static RunStatusPayload Status(string runId, string state = PipelineStates.Running) =>
        new("svc.pipeline", runId, $"wf-{runId}", state, 1_700_000_000_000);

    public static ResultPayload Ok(JsonElement? data = null) => new(true, 200, "Argo", "0.1.0-test", Data: data);

    /// <summary>Reads the next frame and decodes it as an envelope; fails on a close or an undecodable frame.</summary>
    public async Task<Envelope> ReceiveAsync()
    {
        var frame = await ReceiveFrameAsync();
        Assert.True(frame.CloseStatus is null, $"expected a message, got close {frame.CloseStatus}");
        Assert.Equal(WebSocketMessageType.Text, frame.Type);
        var decoded = MessageCodec.Decode(frame.Data);
        Assert.True(decoded.IsSuccess, decoded.Error?.Reason);
        return decoded.Message;
    }

    /// <summary>Reads the next frame, which must be an ack, and returns its seq.</summary>
    public async Task<long> ReceiveAckAsync()
    {
        var ack = await ReceiveAsync();
        Assert.Equal(MessageTypes.Ack, ack.Type);
        Assert.True(PayloadReader.TryRead(ack.Payload, ProtocolJsonContext.Default.AckPayload, out var payload, out var reason), reason);
        return payload.Seq;
    }

    /// <summary>Reads frames until the server closes; returns the close code.</summary>
    public async Task<int?> ReceiveCloseAsync()
    {
        while (true)
        {
            var frame = await ReceiveFrameAsync();
            if (frame.CloseStatus is { } status)
            {
                return status;
            }
        }
    }

    public async Task<TestFrame> ReceiveFrameAsync()
    {
        using var timeout = new CancellationTokenSource(TestTimeouts.Default);
        var buffer = new ArrayBufferWriter<byte>();
        while (true)
        {
            var received = await _socket.ReceiveAsync(buffer.GetMemory(8192), timeout.Token);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
                return new TestFrame(received.MessageType, Array.Empty<byte>(), (int?)_socket.CloseStatus);
            }

            buffer.Advance(received.Count);
            if (received.EndOfMessage)
            {
                return new TestFrame(received.MessageType, buffer.WrittenMemory.ToArray(), null);
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
