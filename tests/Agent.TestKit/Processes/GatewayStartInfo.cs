using System.Diagnostics;

namespace Agent.TestKit.Processes;

/// <summary>
/// How <see cref="GatewayProcess"/> launches <c>dotnet Agent.Gateway.dll</c>: exactly the given variables, none of the
/// gateway's own inherited from the test run (a <c>GATEWAY_PORT</c> in a developer's shell must not leak in).
/// </summary>
internal static class GatewayStartInfo
{
    public static ProcessStartInfo For(string dll, Dictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var name in start.Environment.Keys.Where(IsGatewayVariable).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return start;
    }

    private static bool IsGatewayVariable(string name) =>
        name.StartsWith("GATEWAY_", StringComparison.Ordinal) || name.StartsWith("AIRFLOW_", StringComparison.Ordinal) || name is "LOG_FORMAT" or "LOG_LEVEL";
}
