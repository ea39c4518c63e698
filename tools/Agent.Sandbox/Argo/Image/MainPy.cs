namespace Agent.Sandbox.Argo.Image;

/// <summary>
/// <c>python main.py</c>, the ingestion entry point (FIDELITY §8.1, §8.2, §8.4; OpenMetadata
/// ingestion/operators/docker/main.py): reads env <c>config</c> and <c>pipelineType</c>, maps the type to a workflow
/// class (case-sensitive), parses the config as <c>OpenMetadataWorkflowConfig</c> with the env run id copied in, and
/// builds the OpenMetadata client (secrets manager) before running.
/// </summary>
internal static class MainPy
{
    public const string Script = "main.py";

    // WORKFLOW_MAP keys of the current main.py; autoClassification, application and dataInsight are absent there.
    private static readonly string[] PipelineTypes = ["metadata", "usage", "lineage", "profiler", "TestSuite", "elasticSearchReindex", "dbt"];

    public static ProgramRun Run(ContainerLaunch launch, string defaultOutcome)
    {
        var lines = new List<string>();
        try
        {
            var configText = launch.Env("config")
                ?? throw new PythonError("RuntimeError", "Missing environment variable `config`. This is expected to contain the workflow configuration.");
            var pipelineType = launch.Env("pipelineType")
                ?? throw new PythonError("RuntimeError", "Missing environment variable `pipelineType`. This is expected to contain the pipeline type.");
            if (!PipelineTypes.Contains(pipelineType, StringComparer.Ordinal))
            {
                throw new PythonError("ValueError", $"Missing workflow_class loaded from {pipelineType}");
            }

            var config = ConfigDocument.LoadMapping(configText, ConfigSchema.WorkflowModel);
            var runId = ConfigSchema.RunId(launch.Env("pipelineRunId"), ConfigSchema.WorkflowModel);
            ConfigSchema.RequireWorkflowConfig(config);
            lines.Add($"[main] Starting ingestion pipeline {ConfigDocument.StringAt(config, "ingestionPipelineFQN")}");
            lines.Add($"[main] pipelineType={pipelineType} runId={runId}");
            SecretsManagerRules.Check(config, launch, ConfigSchema.WorkflowModel);
            lines.Add("[main] Connecting to source");
            lines.Add("[main] Progress: 50%");
            return OutcomeMarker.Finish(launch, defaultOutcome, lines, "main");
        }
        catch (PythonError error)
        {
            return ProgramRun.Exited(lines, 1, [.. error.Traceback(Script)]);
        }
    }
}
