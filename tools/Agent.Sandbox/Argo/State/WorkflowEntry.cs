using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Lifecycle;

namespace Agent.Sandbox.Argo.State;

/// <summary>
/// A stored workflow plus the runtime the simulated controller keeps beside it. All members except
/// <see cref="Logs"/> (which locks itself) are read and written under the <see cref="ArgoStore"/> lock.
/// </summary>
internal sealed class WorkflowEntry(JsonObject snapshot, MainContainer mainContainer, string plannedOutcome)
{
    /// <summary>The last published state. Replaced on every change and never mutated once published.</summary>
    public JsonObject Snapshot { get; set; } = snapshot;

    public MainContainer MainContainer { get; } = mainContainer;

    public string PlannedOutcome { get; } = plannedOutcome;

    public PodLogBook Logs { get; } = new();

    public ITimer? Timer { get; set; }

    /// <summary>Bumped on every phase change, so a timer that fires after a forced phase does nothing.</summary>
    public int ClockGeneration { get; set; }

    public string Phase => Json.ResourceJson.Phase(Snapshot);
}
