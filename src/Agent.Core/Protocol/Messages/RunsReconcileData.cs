namespace Agent.Core.Protocol.Messages;

/// <summary>
/// The finished runs, oldest end first, each shaped like its final <c>run.status</c> payload. <paramref name="More"/> says
/// the answer stopped at its bound: ask again with <c>since</c> = the last run's <c>endDate</c>.
/// </summary>
internal sealed record RunsReconcileData(IReadOnlyList<RunStatusPayload> Runs, bool More);
