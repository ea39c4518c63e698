using Agent.Sandbox.Argo.Image;

namespace Agent.Sandbox.Argo.Lifecycle;

/// <summary>
/// The emulated controller's state for one workflow: its nodes, its pods, and where the run is. Read and written under
/// the <see cref="State.ArgoStore"/> lock only (the pods' log readers go through <see cref="Pods"/>, which locks itself).
/// </summary>
internal sealed class WorkflowRun(RunPlan plan)
{
    public RunPlan Plan { get; } = plan;

    public WorkflowPods Pods { get; } = new();

    public List<RunNode> Nodes { get; } = [];

    public RunStage Stage { get; set; } = RunStage.Entry;

    public string Phase { get; set; } = WorkflowPhase.Unknown;

    public string? Message { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>The entry template's top node: its Pod node, or the Retry node over the attempts.</summary>
    public RunNode? EntryNode { get; set; }

    /// <summary>The Pod node and pod being advanced, and the program its container runs once started.</summary>
    public (RunNode Node, EmulatedPod Pod, ProgramRun? Program)? Current { get; set; }

    public int Attempts { get; set; }

    /// <summary>A Pending reason asked for with <c>sandbox-pending:</c>; the pod waits until a Running phase is forced.</summary>
    public string? PendingReason { get; set; }

    public string? Shutdown { get; set; }

    public RunNode Node(string name) => Nodes.First(node => node.Name == name);
}
