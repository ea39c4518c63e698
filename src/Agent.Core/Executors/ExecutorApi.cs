namespace Agent.Core.Executors;

/// <summary>
/// What <see cref="ExecutorResilience"/> needs to know of one executor API: its name in log lines
/// (<see cref="DisplayName"/>, e.g. "Argo Server calls paused …"; <see cref="ShortName"/>, e.g. "Argo answered 503"),
/// the time one attempt may take, how a failure reads, the breaker's event ids, and which requests are long-lived
/// streams (watches) that must not time out per attempt nor be retried: their reader has its own backoff.
/// </summary>
internal sealed record ExecutorApi(
    string DisplayName,
    string ShortName,
    TimeSpan AttemptTimeout,
    Func<Exception, string> Describe,
    ExecutorApiEventIds EventIds,
    Func<HttpRequestMessage, bool>? IsStream = null);
