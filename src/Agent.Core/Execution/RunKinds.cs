namespace Agent.Core.Execution;

/// <summary>The one place a pipeline type chooses its <see cref="RunKind"/>, for one-off and scheduled runs alike.</summary>
internal static class RunKinds
{
    public const string AutomationPipelineType = "automation";

    public const string ApplicationPipelineType = "application";

    public static RunKind For(string pipelineType) => pipelineType switch
    {
        ApplicationPipelineType => RunKind.Application,
        AutomationPipelineType => RunKind.Automation,
        _ => RunKind.Ingestion,
    };
}
