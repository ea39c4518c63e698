namespace Agent.Core.Execution;

/// <summary>Labels and annotations the agent puts on what it creates, and selects its own runs by.</summary>
internal static class WorkflowLabels
{
    public const string AgentId = "hybrid-agent/agent-id";
    public const string RunId = "hybrid-agent/run-id";
    public const string Pipeline = "hybrid-agent/pipeline";
    public const string PipelineType = "hybrid-agent/pipeline-type";
    public const string ManagedBy = "app.kubernetes.io/managed-by";
    public const string ManagedByValue = "hybrid-ingestion-agent";

    /// <summary>Annotations keep the exact values that labels can only carry sanitized or hashed.</summary>
    public const string PipelineFqnAnnotation = "hybrid-agent/pipeline-fqn";
    public const string RunIdAnnotation = "hybrid-agent/run-id";

    public static string SelectorForAgent(string agentId) => $"{AgentId}={LabelValues.ForAgentId(agentId)}";
}
