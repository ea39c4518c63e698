namespace Agent.Sandbox.Argo.Image;

/// <summary>
/// The OpenMetadata ingestion image as the sandbox emulates it: the container's command (plus args) picks the program,
/// as in OpenMetadata's K8sPipelineClient (FIDELITY §2.4). Any other command just ends as the outcome marker says.
/// </summary>
internal static class IngestionImage
{
    public static ProgramRun Run(ContainerLaunch launch, string defaultOutcome)
    {
        var words = launch.Command.SkipWhile(word => !IsPython(word)).Skip(1).ToList();
        return words switch
        {
            [MainPy.Script or "/ingestion/operators/docker/main.py", ..] => MainPy.Run(launch, defaultOutcome),
            [ExitHandlerPy.Script or "/ingestion/operators/docker/exit_handler.py", ..] => ExitHandlerPy.Run(launch, defaultOutcome),
            [RunAutomationPy.Script or "/ingestion/operators/docker/run_automation.py", ..] => RunAutomationPy.Run(launch, defaultOutcome),
            ["-m", ApplicationsRunner.Module, ..] => ApplicationsRunner.Run(launch, defaultOutcome),
            _ => OutcomeMarker.Finish(launch, defaultOutcome, [$"[main] Running {string.Join(' ', launch.Command)}"], "main"),
        };
    }

    private static bool IsPython(string word) =>
        Path.GetFileName(word) is var file && (file == "python" || file.StartsWith("python3", StringComparison.Ordinal));
}
