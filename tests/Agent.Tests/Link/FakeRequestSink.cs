using System.Collections.Concurrent;
using Agent.Core.Link;
using Agent.Core.Protocol;

namespace Agent.Tests.Link;

/// <summary>Takes every request a session hands over and keeps it; executes nothing, so nothing is ever in flight.</summary>
internal sealed class FakeRequestSink : IRequestSink
{
    private readonly ConcurrentQueue<Envelope> _received = new();

    public IReadOnlyCollection<Envelope> Received => _received;

    /// <summary>What <see cref="Dispatch"/> answers: false plays an agent too overloaded to take the request.</summary>
    public bool Accepts { get; set; } = true;

    public bool Stopped { get; private set; }

    public int InFlight => 0;

    public bool IsIdle => true;

    public int RepliesWaitingForOutbox { get; set; }

    public bool Dispatch(Envelope request)
    {
        _received.Enqueue(request);
        return Accepts;
    }

    public void StopAccepting() => Stopped = true;

    public void HandBackInFlight()
    {
    }
}
