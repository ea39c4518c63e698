using Agent.Core.Execution;
using Agent.Core.Executors.Argo;

namespace Agent.Tests.Argo.Watching;

/// <summary>Workflows of the harness's agent as Argo lists and watches them.</summary>
internal static class WatchedWorkflows
{
    public static readonly DateTimeOffset Created = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>An owned workflow in <paramref name="phase"/>; past Pending its main pod has started.</summary>
    public static ArgoWorkflow Owned(string runId, string phase, string resourceVersion = "1", DateTimeOffset? finishedAt = null)
    {
        var name = $"om-watched-{runId}";
        var labels = new Dictionary<string, string>
        {
            [WorkflowLabels.AgentId] = WatcherHarness.AgentId,
            [WorkflowLabels.PipelineType] = "metadata",
        };
        var annotations = new Dictionary<string, string>
        {
            [WorkflowLabels.RunIdAnnotation] = runId,
            [WorkflowLabels.PipelineFqnAnnotation] = "svc.pipeline",
        };
        var finished = phase is "Succeeded" or "Failed" or "Error" ? finishedAt ?? Created.AddMinutes(5) : (DateTimeOffset?)null;
        List<WorkflowNode> nodes = phase is "" or "Pending" ? [] : [new(name, name, MainPod.PodNodeType, "ingestion", phase, null)];
        return new ArgoWorkflow(name, "ns", labels, annotations, phase, Created, Created.AddSeconds(1), finished, null, null, resourceVersion)
        {
            Nodes = nodes,
        };
    }
}
