using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;

namespace Agent.Gateway.Agents;

internal sealed partial class AgentSession
{
    private const int ProtocolErrorClose = 1002;

    /// <summary>Protocol §3: the first message is <c>hello</c>; the answer is <c>welcome</c> or a close.</summary>
    private async Task HandleHelloAsync(Envelope message)
    {
        if (message.Type != MessageTypes.Hello)
        {
            await RefuseHandshakeAsync($"expected hello, got {message.Type}", message.Id);
            return;
        }

        if (!PayloadReader.TryRead(message.Payload, ProtocolJsonContext.Default.HelloPayload, out var hello, out var reason))
        {
            await RefuseHandshakeAsync(reason, message.Id);
            return;
        }

        if (!hello.ProtocolVersions.Contains(ProtocolVersion.Current))
        {
            await CloseAsync(CloseCodes.UnsupportedProtocolVersion, $"protocol version {ProtocolVersion.Current} is the only one supported");
            return;
        }

        if (!string.Equals(hello.AgentId, AgentId, StringComparison.Ordinal))
        {
            // The token was checked for the header's id; a hello speaking for another agent is not that agent.
            await RefuseHandshakeAsync("hello.agentId does not match the X-Agent-Id header", message.Id);
            return;
        }

        await WelcomeAsync(hello);
    }

    private async Task WelcomeAsync(HelloPayload hello)
    {
        var acked = await _services.Ledger.AckedAsync(AgentId, hello.InstanceId, _lifetime.Token);

        // The runs the agent holds now: OpenMetadata's status reads see them even if their run.status was lost.
        foreach (var run in hello.Inventory)
        {
            await _services.Runs.RecordAsync(AgentId, run, _lifetime.Token);
        }

        if (!await _services.Presence.ClaimAsync(AgentId, _services.Bus.ReplicaId, _lifetime.Token))
        {
            // Another replica welcomed the same agent id since admission looked: the later session gives way.
            await CloseAsync(CloseCodes.DuplicateAgent, "another agent with this id is connected to another gateway replica");
            return;
        }

        HasClaimed = true;
        _ackedSeq = acked;
        Volatile.Write(ref _inFlightRuns, hello.Inventory.Count(run => run.PipelineState is PipelineStates.Queued or PipelineStates.Running));
        _hello = hello;
        var welcome = new WelcomePayload(SessionId, ProtocolVersion.Current, HeartbeatSeconds, acked, _services.ServerVersion);
        await SendAsync(MessageTypes.Welcome, welcome, ProtocolJsonContext.Default.WelcomePayload);

        // Only now may requests follow: they queue behind the welcome.
        _welcomed = true;
        AgentHubLog.SessionWelcomed(_services.Logger, AgentId, SessionId, hello.InstanceId, hello.AgentVersion, acked);
        _services.Sessions.Welcomed(this);
    }

    private async Task RefuseHandshakeAsync(string reason, string? replyTo)
    {
        AgentHubLog.BadFrame(_services.Logger, AgentId, reason);
        await SendErrorAsync(reason, replyTo);
        await CloseAsync(ProtocolErrorClose, reason);
    }
}
