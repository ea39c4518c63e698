using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Channels;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;

namespace Agent.Tests.Link;

/// <summary>
/// The control plane, played by the test on the server end of an <see cref="InMemoryWebSocketPair"/>: it answers
/// <c>hello</c> with <c>welcome</c>, then reads everything the agent sends into <see cref="Received"/>.
/// It answers nothing on its own, so by default it is a silent server.
/// </summary>
internal sealed class FakeControlPlanePeer(WebSocket socket, TimeProvider time)
{
    private readonly Channel<Envelope> _received = Channel.CreateUnbounded<Envelope>();

    public ChannelReader<Envelope> Received => _received.Reader;

    /// <summary>Completes with the agent's close status once its close frame arrives (null when the link just broke).</summary>
    public Task<WebSocketCloseStatus?> Closed { get; private set; } = Task.FromResult<WebSocketCloseStatus?>(null);

    /// <summary>Reads <c>hello</c>, sends <c>welcome</c> and starts reading in the background.</summary>
    public async Task<HelloPayload> WelcomeAsync(int heartbeatSeconds, long ackedSeq, CancellationToken cancellationToken, string? serverVersion = null)
    {
        var hello = await ReadAsync(cancellationToken)
            ?? throw new InvalidOperationException("the agent closed before hello");
        Assert.Equal(MessageTypes.Hello, hello.Type);
        await SendAsync(
            MessageTypes.Welcome,
            new WelcomePayload("session-" + Guid.NewGuid().ToString("N"), ProtocolVersion.Current, heartbeatSeconds, ackedSeq, serverVersion),
            ProtocolJsonContext.Default.WelcomePayload,
            cancellationToken);
        Closed = ReadAllAsync(cancellationToken);
        return hello.Payload.Deserialize(ProtocolJsonContext.Default.HelloPayload)!;
    }

    public Task SendAsync<T>(string type, T payload, JsonTypeInfo<T> payloadType, CancellationToken cancellationToken, string? replyTo = null)
    {
        var message = MessageCodec.Create(type, payload, payloadType, time.GetUtcNow(), replyTo: replyTo);
        return socket.SendAsync(MessageCodec.Encode(message), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
    }

    public Task CloseAsync(WebSocketCloseStatus status, CancellationToken cancellationToken) =>
        socket.CloseOutputAsync(status, null, cancellationToken);

    /// <summary>Waits for the next message of <paramref name="type"/>, skipping others.</summary>
    public async Task<Envelope> WaitForAsync(string type, CancellationToken cancellationToken)
    {
        while (true)
        {
            var message = await _received.Reader.ReadAsync(cancellationToken);
            if (message.Type == type)
            {
                return message;
            }
        }
    }

    private async Task<WebSocketCloseStatus?> ReadAllAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await ReadAsync(cancellationToken) is { } message)
            {
                _received.Writer.TryWrite(message);
            }

            return socket.CloseStatus;
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            return null;
        }
        finally
        {
            _received.Writer.TryComplete();
        }
    }

    private async Task<Envelope?> ReadAsync(CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>();
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer.GetMemory(4096), cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            buffer.Advance(received.Count);
            if (received.EndOfMessage)
            {
                var decoded = MessageCodec.Decode(buffer.WrittenMemory);
                Assert.True(decoded.IsSuccess, decoded.Error?.Reason);
                return decoded.Message;
            }
        }
    }
}
