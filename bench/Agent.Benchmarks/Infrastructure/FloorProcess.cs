using System.Diagnostics;
using System.Globalization;

namespace Agent.Benchmarks.Infrastructure;

/// <summary>
/// bench/Agent.Floor run as its own process: an empty ASP.NET Core app on the agent's runtime settings, whose
/// memory is the floor under the agent's. Built with the solution, next to the agent.
/// </summary>
internal static class FloorProcess
{
    public sealed record Memory(double RssMb, double AnonMb, double FileMb);

    /// <summary>Starts the floor app, lets it idle for <paramref name="settle"/> once it serves, reads its memory and stops it.</summary>
    public static async Task<Memory> MeasureAsync(TimeSpan settle)
    {
        var dll = Path.Combine(Path.GetDirectoryName(BenchHost.AgentDll)!, "..", "..", "..", "..", "..", "bench", "Agent.Floor", "bin", "Release", "net10.0", "Agent.Floor.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"the floor app is not built: {Path.GetFullPath(dll)} (run `dotnet build -c Release` first)");
        }

        var start = new ProcessStartInfo("dotnet", [Path.GetFullPath(dll)])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the floor app");
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line && !line.StartsWith("serving", StringComparison.Ordinal))
            {
                // Skip anything printed before the app serves.
            }

            await Task.Delay(settle);
            return new Memory(Read(process.Id, "VmRSS:"), Read(process.Id, "RssAnon:"), Read(process.Id, "RssFile:"));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static double Read(int pid, string field) =>
        File.ReadLines($"/proc/{pid}/status")
            .Where(line => line.StartsWith(field, StringComparison.Ordinal))
            .Select(line => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0)
            .DefaultIfEmpty(double.NaN)
            .First();
}
