namespace Agent.Sandbox.ControlPlane;

/// <summary>Counters the tests and the benchmarks read; updated from many sessions at once.</summary>
internal sealed class ControlPlaneStats
{
    private long _sessionsOpened;
    private long _sessionsRejected;
    private long _duplicates;
    private long _duplicateAnswers;
    private long _protocolViolations;
    private long _errorsReceived;
    private long _statusesReceived;
    private long _resultsReceived;
    private long _heartbeatsReceived;
    private long _requestsSent;
    private long _framesSuppressed;

    public void SessionOpened() => Interlocked.Increment(ref _sessionsOpened);

    public void SessionRejected() => Interlocked.Increment(ref _sessionsRejected);

    public void Duplicate() => Interlocked.Increment(ref _duplicates);

    public void DuplicateAnswer() => Interlocked.Increment(ref _duplicateAnswers);

    public void ProtocolViolation() => Interlocked.Increment(ref _protocolViolations);

    public void ErrorReceived() => Interlocked.Increment(ref _errorsReceived);

    public void StatusReceived() => Interlocked.Increment(ref _statusesReceived);

    public void ResultReceived() => Interlocked.Increment(ref _resultsReceived);

    public void HeartbeatReceived() => Interlocked.Increment(ref _heartbeatsReceived);

    public void RequestSent() => Interlocked.Increment(ref _requestsSent);

    public void FrameSuppressed() => Interlocked.Increment(ref _framesSuppressed);

    public ControlPlaneStatsSnapshot Snapshot() => new(
        Interlocked.Read(ref _sessionsOpened),
        Interlocked.Read(ref _sessionsRejected),
        Interlocked.Read(ref _duplicates),
        Interlocked.Read(ref _duplicateAnswers),
        Interlocked.Read(ref _protocolViolations),
        Interlocked.Read(ref _errorsReceived),
        Interlocked.Read(ref _statusesReceived),
        Interlocked.Read(ref _resultsReceived),
        Interlocked.Read(ref _heartbeatsReceived),
        Interlocked.Read(ref _requestsSent),
        Interlocked.Read(ref _framesSuppressed));
}
