using Agent.Core.Execution;

namespace Agent.Core.Executors.Argo;

/// <summary>
/// Workflow names derived only from the pipeline name and the run id: the same run always gets the same
/// name, so a replayed create is refused by Argo with 409 instead of starting a second workflow.
/// </summary>
internal static class WorkflowNames
{
    public static string ForRun(string pipelineName, string runId) =>
        $"om-{LabelValues.ToDnsFragment(pipelineName, 20, "run")}-{RunSuffix(runId)}";

    /// <summary>A UUID run id gives its 32 hex digits; anything else a hash of the same length.</summary>
    public static string RunSuffix(string runId) => LabelValues.RunSuffix(runId);
}
