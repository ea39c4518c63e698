using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Lifecycle;

namespace Agent.Sandbox.Argo.State;

/// <summary>
/// A stored workflow plus the run the emulated controller keeps beside it. All members are read and written under the
/// <see cref="ArgoStore"/> lock, except the run's pods, which lock themselves for the log API.
/// </summary>
internal sealed class WorkflowEntry(JsonObject snapshot, WorkflowRun run)
{
    /// <summary>The last published state. Replaced on every change and never mutated once published.</summary>
    public JsonObject Snapshot { get; set; } = snapshot;

    public WorkflowRun Run { get; } = run;

    public WorkflowPods Pods => Run.Pods;

    public ITimer? Timer { get; set; }

    /// <summary>Bumped on every controller step, so a timer that fires after a forced phase does nothing.</summary>
    public int ClockGeneration { get; set; }

    public string Phase => Json.ResourceJson.Phase(Snapshot);
}
