namespace Agent.Core.Link;

/// <summary>How many runs are still active, for each <c>heartbeat</c>'s <c>activeRuns</c>.</summary>
internal interface IRunsInFlight
{
    int InFlightCount { get; }
}
