using System.Text.RegularExpressions;

namespace Agent.Sandbox.Argo.Lifecycle;

/// <summary>
/// Decides how a sandbox workflow ends. The default comes from <c>Sandbox:Argo:DefaultOutcome</c>; a workflow
/// overrides it when its main container's env var <c>config</c> (the ingestion workflow config) contains the text
/// <c>sandbox-outcome: Failed</c>, <c>sandbox-outcome: Error</c> or <c>sandbox-outcome: Succeeded</c>. That is how the
/// demo and the tests ask for a failing run through the agent's normal submit path, without touching the emulator.
/// </summary>
internal static partial class WorkflowOutcome
{
    public const string ConfigEnvName = "config";

    public static string Decide(MainContainer container, string defaultOutcome)
    {
        var match = Marker().Match(container.EnvOrEmpty(ConfigEnvName));
        return match.Success ? match.Groups[1].Value : defaultOutcome;
    }

    /// <summary>The <c>status.message</c> Argo would show for an unsuccessful main container.</summary>
    public static string FailureMessage(string phase) => phase == WorkflowPhase.Error
        ? "sandbox: simulated Error outcome (pod failed to start)"
        : "Error (exit code 1)";

    [GeneratedRegex(@"sandbox-outcome:\s*(Succeeded|Failed|Error)\b")]
    private static partial Regex Marker();
}
