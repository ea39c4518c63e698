using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;

namespace Agent.Benchmarks.Gateway;

/// <summary>
/// An agent as the gateway sees it, without Argo behind it: a protocol v1 client (Agent.Core's codec and records over
/// <see cref="ClientWebSocket"/>) that says hello, beats at <c>welcome.heartbeatSeconds</c> and answers every request at
/// once. <c>pipeline.run</c> gets an ok result with its run id and workflow name, then <c>run.status</c> queued and
/// success; every result and status carries a <c>seq</c>, and the gateway's acks are tracked. Real agent processes
/// are too heavy for a thousand on two cores, and answering at once makes the numbers the gateway's own.
/// </summary>
internal sealed class ProtocolAgent : IAsyncDisposable
{
    private const string Platform = "argo";
    private const string Version = "bench";

    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource<WelcomePayload> _welcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _reader = Task.CompletedTask;
    private Task _beating = Task.CompletedTask;
    private long _seq;
    private long _acked;

    private ProtocolAgent(string agentId) => AgentId = agentId;

    public string AgentId { get; }

    /// <summary>Messages with a <c>seq</c> sent and not yet acknowledged by the gateway.</summary>
    public long Unacknowledged => Interlocked.Read(ref _seq) - Interlocked.Read(ref _acked);

    /// <summary>Connects with the agent's token, sends hello and waits for welcome.</summary>
    public static async Task<ProtocolAgent> ConnectAsync(Uri uri, string agentId, string token, CancellationToken cancellationToken)
    {
        var agent = new ProtocolAgent(agentId);
        agent._socket.Options.SetRequestHeader("Authorization", $"Bearer {token}");
        agent._socket.Options.SetRequestHeader("X-Agent-Id", agentId);
        agent._socket.Options.AddSubProtocol(ProtocolVersion.SubProtocol);
        await agent._socket.ConnectAsync(uri, cancellationToken);
        agent._reader = agent.ReadLoopAsync();
        await agent.SendAsync(MessageTypes.Hello, new HelloPayload(
            agentId, Guid.NewGuid().ToString(), Version, [ProtocolVersion.Current], ["pipeline.deploy"],
            new ExecutorInfo(Platform, "ingestion"), []), ProtocolJsonContext.Default.HelloPayload);
        var welcome = await agent._welcome.Task.WaitAsync(cancellationToken);
        agent._beating = agent.BeatAsync(TimeSpan.FromSeconds(welcome.HeartbeatSeconds));
        return agent;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _socket.Abort();
        await Task.WhenAll(_reader, _beating);
        _socket.Dispose();
        _sending.Dispose();
        _stopping.Dispose();
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var received = await _socket.ReceiveAsync(buffer, _stopping.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    _welcome.TrySetException(new WebSocketException($"{AgentId}: the gateway closed ({_socket.CloseStatus} {_socket.CloseStatusDescription})"));
                    return;
                }

                message.Write(buffer, 0, received.Count);
                if (received.EndOfMessage)
                {
                    var decoded = MessageCodec.Decode(message.ToArray());
                    message.SetLength(0);
                    if (decoded.IsSuccess)
                    {
                        await HandleAsync(decoded.Message);
                    }
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            _welcome.TrySetException(new WebSocketException($"{AgentId}: the connection ended before welcome: {ex.Message}"));
        }
    }

    private async Task HandleAsync(Envelope message)
    {
        switch (message.Type)
        {
            case MessageTypes.Welcome when PayloadReader.TryRead(message.Payload, ProtocolJsonContext.Default.WelcomePayload, out var welcome, out _):
                _welcome.TrySetResult(welcome);
                break;
            case MessageTypes.Ack when PayloadReader.TryRead(message.Payload, ProtocolJsonContext.Default.AckPayload, out var ack, out _):
                InterlockedMax(ref _acked, ack.Seq);
                break;
            case MessageTypes.PipelineRun when PayloadReader.TryRead(message.Payload, ProtocolJsonContext.Default.PipelineRunRequest, out var run, out _):
                await AnswerRunAsync(message.Id, run);
                break;
            case MessageTypes.PipelineDeploy when PayloadReader.TryRead(message.Payload, ProtocolJsonContext.Default.PipelineDeployRequest, out var deploy, out _):
                var deployed = JsonSerializer.SerializeToElement(new PipelineDeployedData($"{deploy.Pipeline.Name}-cron"), ProtocolJsonContext.Default.PipelineDeployedData);
                await SendResultAsync(message.Id, new ResultPayload(true, 200, Platform, Version, Data: deployed));
                break;
            case MessageTypes.Welcome or MessageTypes.Ack or MessageTypes.HeartbeatAck or MessageTypes.Error:
                break;
            default:
                // Any other request (toggle, delete, …) is simply done.
                await SendResultAsync(message.Id, new ResultPayload(true, 200, Platform, Version));
                break;
        }
    }

    /// <summary>The agent's answer to a run: accepted at once, then queued and finished, as a very fast Argo would.</summary>
    private async Task AnswerRunAsync(string requestId, PipelineRunRequest run)
    {
        var runId = run.RunId ?? Guid.NewGuid().ToString();
        var workflow = $"{run.Pipeline.Name}-{runId[..8]}";
        var started = JsonSerializer.SerializeToElement(new RunStartedData(runId, workflow), ProtocolJsonContext.Default.RunStartedData);
        await SendResultAsync(requestId, new ResultPayload(true, 200, Platform, Version, RunId: runId, Data: started));
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await SendReliableAsync(MessageTypes.RunStatus,
            new RunStatusPayload(run.Pipeline.FullyQualifiedName, runId, workflow, PipelineStates.Queued, now, now), ProtocolJsonContext.Default.RunStatusPayload);
        await SendReliableAsync(MessageTypes.RunStatus,
            new RunStatusPayload(run.Pipeline.FullyQualifiedName, runId, workflow, PipelineStates.Success, now, now, now), ProtocolJsonContext.Default.RunStatusPayload);
    }

    private Task SendResultAsync(string replyTo, ResultPayload result) =>
        SendReliableAsync(MessageTypes.Result, result, ProtocolJsonContext.Default.ResultPayload, replyTo);

    private Task SendReliableAsync<T>(string type, T payload, JsonTypeInfo<T> payloadType, string? replyTo = null) =>
        SendAsync(type, payload, payloadType, reliable: true, replyTo);

    private async Task SendAsync<T>(string type, T payload, JsonTypeInfo<T> payloadType, bool reliable = false, string? replyTo = null)
    {
        // Numbered under the send lock, so the gateway sees seqs in order.
        await _sending.WaitAsync(_stopping.Token);
        try
        {
            long? seq = reliable ? Interlocked.Increment(ref _seq) : null;
            var frame = MessageCodec.Encode(MessageCodec.Create(type, payload, payloadType, DateTimeOffset.UtcNow, seq, replyTo));
            await _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, _stopping.Token);
        }
        finally
        {
            _sending.Release();
        }
    }

    private async Task BeatAsync(TimeSpan interval)
    {
        var started = DateTimeOffset.UtcNow;
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token))
            {
                var uptime = (long)(DateTimeOffset.UtcNow - started).TotalSeconds;
                await SendAsync(MessageTypes.Heartbeat, new HeartbeatPayload(0, (int)Unacknowledged, uptime), ProtocolJsonContext.Default.HeartbeatPayload);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Stopping, or the gateway went away.
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
