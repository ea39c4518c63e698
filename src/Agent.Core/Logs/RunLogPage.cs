namespace Agent.Core.Logs;

/// <summary>
/// One page of a run's log as OpenMetadata's log API pages it, or why there is none (<see cref="Reason"/>). Reading
/// stops at the page, so the page count is known only on the last page; before it <see cref="Total"/> is a lower bound,
/// <c>after + 2</c>, which keeps a reader asking for the next page while <c>after &lt; total</c> (docs/protocol.md,
/// pipeline.logs).
/// </summary>
internal sealed record RunLogPage(RunLogPageStatus Status, string TaskKey, int After, string Text, bool HasMore, string? Reason)
{
    public int Total => HasMore ? After + 2 : After + 1;

    /// <summary>The index of the next page; null on the last one.</summary>
    public int? Next => HasMore ? After + 1 : null;
}
