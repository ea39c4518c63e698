namespace Agent.Sandbox.Argo.Faults;

/// <summary>How many faults were injected so far (<c>GET /sandbox/argo/faults</c>), so a test can prove its faults happened.</summary>
internal sealed record InjectedFaultCounts(
    long Errors, long LostResponses, long Delayed, long WatchFailures, long TooOldResourceVersions, long DroppedWatches, long IgnoredStops,
    long WatchesEndedAtOnce);
