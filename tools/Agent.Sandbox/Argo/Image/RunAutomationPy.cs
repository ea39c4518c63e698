namespace Agent.Sandbox.Argo.Image;

/// <summary>
/// <c>python run_automation.py</c> (FIDELITY §8.3; OpenMetadata ingestion/operators/docker/run_automation.py): reads only
/// env <c>config</c> and parses it as an automations <c>Workflow</c>. [derived] The sandbox checks the two fields the
/// runner dispatches on, <c>workflowType</c> and <c>request</c>.
/// </summary>
internal static class RunAutomationPy
{
    public const string Script = "run_automation.py";
    private const string Model = "Workflow";

    public static ProgramRun Run(ContainerLaunch launch, string defaultOutcome)
    {
        var lines = new List<string>();
        try
        {
            var configText = launch.Env("config")
                ?? throw new PythonError("RuntimeError", "Missing environment variable `config` with the Automations Workflow dict.");
            var config = ConfigDocument.LoadMapping(configText, Model);
            foreach (var key in ((string[])["workflowType", "request"]).Where(key => !config.ContainsKey(key)))
            {
                throw PythonError.Validation(Model, key, "Field required [type=missing]");
            }

            lines.Add($"[run_automation] Running automation workflow {ConfigDocument.StringAt(config, "name")} ({ConfigDocument.StringAt(config, "workflowType")})");
            return OutcomeMarker.Finish(launch, defaultOutcome, lines, "run_automation");
        }
        catch (PythonError error)
        {
            return ProgramRun.Exited(lines, 1, [.. error.Traceback(Script)]);
        }
    }
}
