using Agent.Core.Protocol;

namespace Agent.Core.Link;

/// <summary>
/// Where the session hands each request it receives, and what shutdown drains. The link never executes a request
/// itself: whoever implements this answers it through the outbox (<see cref="IReliableSender"/>).
/// </summary>
internal interface IRequestSink
{
    /// <summary>Requests executing now.</summary>
    int InFlight { get; }

    /// <summary>True when nothing is executing and every answer is in the outbox.</summary>
    bool IsIdle { get; }

    /// <summary>Answers waiting for room in the full outbox; the session names it when a request is refused.</summary>
    int RepliesWaitingForOutbox { get; }

    /// <summary>
    /// Starts answering <paramref name="request"/> and returns at once, so the reader loop keeps reading. False when the
    /// request was refused, neither executed nor remembered; the session then answers it with an <c>error</c>.
    /// </summary>
    bool Dispatch(Envelope request);

    /// <summary>Takes no new requests from now on, for good (shutdown).</summary>
    void StopAccepting();

    /// <summary>Gives up what is still executing, answering each so the control plane sends it again later.</summary>
    void HandBackInFlight();
}
