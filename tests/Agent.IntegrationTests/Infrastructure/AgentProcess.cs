using System.Diagnostics;
using Agent.Web.Configuration;

namespace Agent.IntegrationTests.Infrastructure;

/// <summary>Runs the built agent as its own process, as an operator would, with exactly the given variables.</summary>
internal static class AgentProcess
{
    public sealed record Outcome(int ExitCode, IReadOnlyList<string> Lines);

    public static async Task<Outcome> RunToExitAsync(IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken)
    {
        var directory = AppContext.BaseDirectory;
        var start = new ProcessStartInfo("dotnet", [Path.Combine(directory, "Agent.Web.dll")])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var name in EnvironmentVariableMap.All.SelectMany(variable => variable.Names))
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the agent");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var lines = (await stdout + await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new Outcome(process.ExitCode, lines);
    }
}
