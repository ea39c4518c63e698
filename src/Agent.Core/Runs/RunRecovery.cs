namespace Agent.Core.Runs;

/// <summary>
/// At start, runs that finished up to <see cref="Window"/> before the agent started are reported once more, unasked, so
/// a restart loses no final status; older ones the control plane gets with <c>runs.reconcile</c> (protocol §7.1). The
/// composition takes it from the executor's settings (<c>Argo:RecoveryWindow</c>).
/// </summary>
internal sealed record RunRecovery(TimeSpan Window);
