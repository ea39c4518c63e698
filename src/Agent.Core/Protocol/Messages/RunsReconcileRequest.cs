namespace Agent.Core.Protocol.Messages;

/// <summary>
/// <c>runs.reconcile</c>: <paramref name="Since"/> (epoch milliseconds, compared with each run's <c>endDate</c>) limits
/// the answer to runs that ended at or after it; absent, every finished run Argo still holds is listed.
/// </summary>
internal sealed record RunsReconcileRequest(long? Since = null);
