namespace Agent.Sandbox.Argo.Image;

/// <summary>
/// <c>python exit_handler.py</c> (FIDELITY §2.1, §2.3; OpenMetadata ingestion/operators/docker/exit_handler.py, K8s
/// style): a top-level <c>sourcePythonClass</c> selects <c>OpenMetadataApplicationConfig</c>, anything else
/// <c>OpenMetadataWorkflowConfig</c>; the env run id is copied in and must be a UUID; the OpenMetadata client is built
/// before the status is written. Any exception is logged as <c>Exit handler failed: …</c> and re-raised (exit 1).
/// </summary>
internal static class ExitHandlerPy
{
    public const string Script = "exit_handler.py";

    public static ProgramRun Run(ContainerLaunch launch, string defaultOutcome)
    {
        var lines = new List<string> { $"[exit_handler] pipelineStatus={launch.Env("pipelineStatus")}" };
        try
        {
            var configText = launch.Env("config")
                ?? throw new PythonError("RuntimeError", "Missing environment variable `config` with the workflow configuration.");
            var config = ConfigDocument.LoadMapping(configText, ConfigSchema.WorkflowModel);
            var model = config.ContainsKey("sourcePythonClass") ? ConfigSchema.ApplicationModel : ConfigSchema.WorkflowModel;
            if (model == ConfigSchema.ApplicationModel)
            {
                ConfigSchema.RequireApplicationConfig(config);
            }
            else
            {
                ConfigSchema.RequireWorkflowConfig(config);
            }

            var runId = ConfigSchema.RunId(launch.Env("pipelineRunId"), model);
            SecretsManagerRules.Check(config, launch, model);
            var fqn = ConfigDocument.StringAt(config, "ingestionPipelineFQN");
            lines.Add(fqn is null || runId is null || launch.Env("pipelineStatus") is null
                ? "[exit_handler] Missing required fields - not updating pipeline status"
                : $"[exit_handler] Updating pipeline status of {fqn} run {runId}");
            return OutcomeMarker.Finish(launch, defaultOutcome, lines, "exit_handler");
        }
        catch (PythonError error)
        {
            lines.Add($"[exit_handler] Exit handler failed: {error.Message}");
            return ProgramRun.Exited(lines, 1, [.. error.Traceback(Script)]);
        }
    }
}
