namespace Agent.Sandbox.Argo.Lifecycle;

/// <summary>The lines the simulated ingestion container prints, shaped like the OpenMetadata ingestion entrypoint.</summary>
internal static class PodLogScript
{
    public static IEnumerable<string> Started(MainContainer container)
    {
        yield return $"[main] Starting ingestion pipeline {container.EnvOrEmpty("ingestionPipelineFQN")}";
        yield return $"[main] pipelineType={container.EnvOrEmpty("pipelineType")} runId={container.EnvOrEmpty("pipelineRunId")}";
        yield return "[main] Connecting to source";
        yield return "[main] Progress: 50%";
    }

    public static IEnumerable<string> Finished(string phase, string? message)
    {
        yield return phase == WorkflowPhase.Succeeded ? "[main] Progress: 100%" : $"[main] ERROR: {message}";
        yield return $"[main] Workflow finished: {phase}";
    }
}
