using Agent.Core.Execution;

namespace Agent.Core.Executors.Argo;

/// <summary>Label selectors that only ever match workflows this agent created: every one starts with its agent id.</summary>
internal static class OwnedRunSelectors
{
    public const string NotCompleted = "workflows.argoproj.io/completed!=true";

    public static string Pipeline(string agentId, string pipelineFqn) =>
        $"{WorkflowLabels.SelectorForAgent(agentId)},{WorkflowLabels.Pipeline}={LabelValues.ForPipeline(pipelineFqn)}";

    /// <summary>This agent's workflows carrying the run-id label of <paramref name="runId"/>, whatever their name.</summary>
    public static string Run(string agentId, string runId) =>
        $"{WorkflowLabels.SelectorForAgent(agentId)},{WorkflowLabels.RunId}={LabelValues.ForFreeText(runId)}";

    public static string ActiveRunsOf(string agentId, string pipelineFqn) => $"{Pipeline(agentId, pipelineFqn)},{NotCompleted}";
}
