using Agent.Core.Execution;

namespace Agent.Core.Executors.Argo;

/// <summary>The part of an Argo Workflow the agent reads: identity, labels, progress and its nodes.</summary>
internal sealed record ArgoWorkflow(
    string Name,
    string Namespace,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    string Phase,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Message,
    string? Shutdown,
    string? ResourceVersion,
    string? Uid = null)
{
    /// <summary>The workflow's <c>status.nodes</c>; empty until the controller has reconciled it.</summary>
    public IReadOnlyList<WorkflowNode> Nodes { get; init; } = [];

    public string? Label(string key) => Labels.TryGetValue(key, out var value) ? value : null;

    /// <summary>
    /// The run this workflow is: the run id the agent gave it, or for a scheduled run (which has none of ours) the
    /// workflow's uid, which its CronWorkflow passed to the container as <c>pipelineRunId</c>.
    /// </summary>
    public string? RunId =>
        Annotation(WorkflowLabels.RunIdAnnotation) ?? Label(WorkflowLabels.RunId) ?? (CronWorkflowName is not null ? Uid : null);

    /// <summary>Argo's own mark of a workflow that has finished, whatever its phase.</summary>
    public bool IsCompleted => Label("workflows.argoproj.io/completed") == "true";

    /// <summary>Set on workflows a CronWorkflow started; its value is the CronWorkflow's name.</summary>
    public string? CronWorkflowName => Label("workflows.argoproj.io/cron-workflow");

    public string? Annotation(string key) => Annotations.TryGetValue(key, out var value) ? value : null;
}
