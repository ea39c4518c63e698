using Agent.Sandbox.ControlPlane.Sessions;

namespace Agent.Sandbox.ControlPlane;

internal sealed partial class ControlPlaneServer
{
    private readonly FrameRecorder frames = new(options.Value.RecordedFramesPerAgent);

    /// <summary>The agent's recent text frames, raw, in the order they crossed the socket; both ways unless filtered.</summary>
    public IReadOnlyList<RecordedFrame> GetFrames(string agentId, FrameDirection? direction = null) => frames.Get(agentId, direction);

    /// <summary>Completes with the first frame of <paramref name="type"/> that went the given way, already recorded or still to come.</summary>
    public Task<RecordedFrame> WaitForFrameAsync(string agentId, FrameDirection direction, string type, CancellationToken cancellationToken) =>
        WaitForFrameAsync(agentId, frame => frame.Direction == direction && frame.Type == type, cancellationToken);

    /// <summary>Completes with the first frame of the agent that matches, already recorded or still to come.</summary>
    public Task<RecordedFrame> WaitForFrameAsync(string agentId, Func<RecordedFrame, bool> match, CancellationToken cancellationToken) =>
        frames.WaitForAsync(agentId, match, cancellationToken);

    internal void RecordFrame(AgentSession session, FrameDirection direction, ReadOnlyMemory<byte> utf8)
    {
        var at = time.GetUtcNow();
        frames.Record(session.Agent.AgentId, session.SessionId, direction, utf8, at);
        if (direction == FrameDirection.Received)
        {
            session.Agent.Heard(at);
        }
    }
}
