using System.Text.RegularExpressions;

namespace Agent.Sandbox.Argo.Image;

/// <summary>
/// The sandbox's steering hook, consulted only after a program's own checks pass: a <c>config</c> containing
/// <c>sandbox-outcome: Failed</c>, <c>sandbox-outcome: Error</c> or <c>sandbox-outcome: Succeeded</c> decides how the run
/// ends; otherwise <c>Sandbox:Argo:DefaultOutcome</c> does. That is how the demo and the tests ask for a failing run
/// through the agent's normal submit path. Failed exits 1 with an error line; Error fails the pod itself.
/// </summary>
internal static partial class OutcomeMarker
{
    public static string Decide(string? config, string defaultOutcome)
    {
        var match = Marker().Match(config ?? "");
        return match.Success ? match.Groups[1].Value : defaultOutcome;
    }

    /// <summary>The end of a program whose checks passed, as the marker (or the default) asks.</summary>
    public static ProgramRun Finish(ContainerLaunch launch, string defaultOutcome, IReadOnlyList<string> startLines, string prefix) =>
        Decide(launch.Env("config"), defaultOutcome) switch
        {
            "Failed" => ProgramRun.Exited(startLines, 1,
                $"[{prefix}] ERROR: sandbox-outcome: Failed (simulated failure)", $"[{prefix}] Workflow finished: Failed"),
            "Error" => new ProgramRun(startLines, [$"[{prefix}] ERROR: sandbox-outcome: Error (pod failed)"], 1, PodError: true),
            _ => ProgramRun.Exited(startLines, 0, $"[{prefix}] Progress: 100%", $"[{prefix}] Workflow finished: Succeeded"),
        };

    [GeneratedRegex(@"sandbox-outcome:\s*(Succeeded|Failed|Error)\b")]
    private static partial Regex Marker();
}
