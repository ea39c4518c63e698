using System.Security.Cryptography;
using System.Text;
using Agent.Sandbox.ControlPlane.Sessions;

namespace Agent.Sandbox.ControlPlane;

/// <summary>Ways to misbehave on purpose, so the agent's reliability code can be tested against a hostile peer.</summary>
internal sealed class MisbehaviourSwitches(AgentDirectory agents, SeqLedgers ledgers, ILogger<ControlPlaneServer> logger)
{
    /// <summary>Aborts the agent's socket with no close frame; false when it has no session.</summary>
    public bool Drop(string agentId)
    {
        Misbehave(agentId, "drop");
        if (agents.Get(agentId).Session is not { } session)
        {
            return false;
        }

        session.Abort();
        return true;
    }

    /// <summary>Closes the agent's session with <paramref name="code"/> after what is already queued.</summary>
    public async Task<bool> CloseAsync(string agentId, int code, string? reason)
    {
        Misbehave(agentId, "close");
        if (agents.Get(agentId).Session is not { } session)
        {
            return false;
        }

        await session.CloseAsync(code, reason);
        return true;
    }

    /// <summary>While silent, nothing is sent to the agent (no welcome, acks, heartbeat acks or requests), but everything is still read.</summary>
    public void SetSilent(string agentId, bool enabled)
    {
        Misbehave(agentId, enabled ? "silence on" : "silence off");
        agents.Get(agentId).Silent = enabled;
    }

    /// <summary>
    /// While withheld, reliable messages are processed but not acknowledged. Turning it off acknowledges the
    /// high-water mark at once, so the agent's outbox drains without waiting for its next reliable message.
    /// </summary>
    public async Task SetWithholdAcksAsync(string agentId, bool enabled)
    {
        Misbehave(agentId, enabled ? "withhold acks on" : "withhold acks off");
        var agent = agents.Get(agentId);
        agent.WithholdAcks = enabled;
        if (!enabled && agent.WelcomedSession is { Hello: { } hello } session && ledgers.HighWater(hello.InstanceId) is var acked and > 0)
        {
            await session.SendAckAsync(acked);
        }
    }

    /// <summary>Sends <paramref name="text"/> as a text frame, unframed by any envelope.</summary>
    public Task<bool> SendGarbageTextAsync(string agentId, string text) =>
        SendRawAsync(agentId, OutboundFrame.Text(Encoding.UTF8.GetBytes(text)));

    /// <summary>Sends <paramref name="byteCount"/> random bytes as a binary frame, which the protocol never uses.</summary>
    public Task<bool> SendGarbageBinaryAsync(string agentId, int byteCount) =>
        SendRawAsync(agentId, OutboundFrame.Binary(RandomNumberGenerator.GetBytes(byteCount)));

    /// <summary>Closes every new connection of the agent with <paramref name="code"/> until called with 0.</summary>
    public void Refuse(string agentId, int code)
    {
        Misbehave(agentId, code == 0 ? "refuse off" : "refuse on");
        agents.Get(agentId).RefuseCode = code;
    }

    private async Task<bool> SendRawAsync(string agentId, OutboundFrame frame)
    {
        Misbehave(agentId, "garbage");
        return agents.Get(agentId).Session is { } session && await session.EnqueueAsync(frame);
    }

    private void Misbehave(string agentId, string action) => ControlPlaneLog.Misbehaviour(logger, agentId, action);
}
