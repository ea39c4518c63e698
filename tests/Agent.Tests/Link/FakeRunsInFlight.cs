using Agent.Core.Link;

namespace Agent.Tests.Link;

/// <summary>A count of active runs the test sets, for the heartbeats.</summary>
internal sealed class FakeRunsInFlight : IRunsInFlight
{
    public int InFlightCount { get; set; }
}
