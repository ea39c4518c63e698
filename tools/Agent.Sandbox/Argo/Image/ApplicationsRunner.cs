namespace Agent.Sandbox.Argo.Image;

/// <summary>
/// <c>python -m metadata.applications.runner</c> (FIDELITY §2.4: its source was not found upstream, [unconfirmed]). The
/// sandbox only requires <c>config</c> to load as a mapping, the App entity OpenMetadata sends.
/// </summary>
internal static class ApplicationsRunner
{
    public const string Module = "metadata.applications.runner";

    public static ProgramRun Run(ContainerLaunch launch, string defaultOutcome)
    {
        var lines = new List<string>();
        try
        {
            var configText = launch.Env("config") ?? throw new PythonError("RuntimeError", "Missing environment variable `config`.");
            var config = ConfigDocument.LoadMapping(configText, "App");
            lines.Add($"[applications.runner] Running application {ConfigDocument.StringAt(config, "name")}");
            return OutcomeMarker.Finish(launch, defaultOutcome, lines, "applications.runner");
        }
        catch (PythonError error)
        {
            return ProgramRun.Exited(lines, 1, [.. error.Traceback("runner.py")]);
        }
    }
}
