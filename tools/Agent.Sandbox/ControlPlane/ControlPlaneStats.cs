namespace Agent.Sandbox.ControlPlane;

/// <summary>Counters the tests and the benchmarks read; updated from many sessions at once.</summary>
internal sealed class ControlPlaneStats
{
    private long sessionsOpened;
    private long sessionsRejected;
    private long duplicates;
    private long duplicateAnswers;
    private long protocolViolations;
    private long errorsReceived;
    private long statusesReceived;
    private long resultsReceived;
    private long heartbeatsReceived;
    private long requestsSent;
    private long framesSuppressed;

    public void SessionOpened() => Interlocked.Increment(ref sessionsOpened);

    public void SessionRejected() => Interlocked.Increment(ref sessionsRejected);

    public void Duplicate() => Interlocked.Increment(ref duplicates);

    public void DuplicateAnswer() => Interlocked.Increment(ref duplicateAnswers);

    public void ProtocolViolation() => Interlocked.Increment(ref protocolViolations);

    public void ErrorReceived() => Interlocked.Increment(ref errorsReceived);

    public void StatusReceived() => Interlocked.Increment(ref statusesReceived);

    public void ResultReceived() => Interlocked.Increment(ref resultsReceived);

    public void HeartbeatReceived() => Interlocked.Increment(ref heartbeatsReceived);

    public void RequestSent() => Interlocked.Increment(ref requestsSent);

    public void FrameSuppressed() => Interlocked.Increment(ref framesSuppressed);

    public ControlPlaneStatsSnapshot Snapshot() => new(
        Interlocked.Read(ref sessionsOpened),
        Interlocked.Read(ref sessionsRejected),
        Interlocked.Read(ref duplicates),
        Interlocked.Read(ref duplicateAnswers),
        Interlocked.Read(ref protocolViolations),
        Interlocked.Read(ref errorsReceived),
        Interlocked.Read(ref statusesReceived),
        Interlocked.Read(ref resultsReceived),
        Interlocked.Read(ref heartbeatsReceived),
        Interlocked.Read(ref requestsSent),
        Interlocked.Read(ref framesSuppressed));
}
