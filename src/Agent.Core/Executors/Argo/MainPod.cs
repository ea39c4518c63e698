using System.Globalization;
using Agent.Core.Executors.Argo.Building;

namespace Agent.Core.Executors.Argo;

/// <summary>
/// Finds the pod that runs a run's own work among a workflow's nodes: the Pod nodes of the main template
/// (<see cref="WorkflowFactory.MainTemplate"/>), one per attempt, as opposed to the exit handler's.
/// </summary>
internal static class MainPod
{
    public const string PodNodeType = "Pod";

    /// <summary>
    /// The newest attempt. Without a retry strategy the only Pod node is named after the workflow; with one, each attempt
    /// is a child <c>&lt;parent&gt;(k)</c> of a Retry node, k counting from 0 (FIDELITY §3.6; Argo v4.1.2
    /// <c>workflow/controller/operator.go</c> processNodeRetries).
    /// </summary>
    public static WorkflowNode? Latest(ArgoWorkflow workflow) => Attempts(workflow).MaxBy(AttemptIndex);

    /// <summary>
    /// Whether any attempt has left <c>Pending</c>. A workflow is <c>Running</c> as soon as the controller picks it up,
    /// while its pod may still wait for an image or a node: then only the node says so (FIDELITY §6.1, §6.2).
    /// </summary>
    public static bool HasStarted(ArgoWorkflow workflow) => Attempts(workflow).Any(node => node.Phase is not ("" or "Pending"));

    private static IEnumerable<WorkflowNode> Attempts(ArgoWorkflow workflow) =>
        workflow.Nodes.Where(node => node.Type == PodNodeType && node.TemplateName == WorkflowFactory.MainTemplate);

    private static int AttemptIndex(WorkflowNode node)
    {
        var name = node.Name.AsSpan();
        var open = name.LastIndexOf('(');
        return name.EndsWith(")") && open >= 0
            && int.TryParse(name[(open + 1)..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? index
            : -1;
    }
}
