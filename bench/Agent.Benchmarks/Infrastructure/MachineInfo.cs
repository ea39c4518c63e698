using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;

namespace Agent.Benchmarks.Infrastructure;

/// <summary>What the numbers were measured on, printed before and after every benchmark (the load changes).</summary>
internal static class MachineInfo
{
    public static void PrintHeader(string benchmark)
    {
        Report.Line($"## {benchmark} — {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss} UTC");
        Report.Line($"machine: {Environment.ProcessorCount} cores, {MemTotalGb():0.0} GB memory, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, bench GC {(GCSettings.IsServerGC ? "server" : "workstation")}");
        PrintLoad("load at start");
    }

    public static void PrintLoad(string label) =>
        Report.Line($"{label}: loadavg {LoadAverage()} (1/5/15 min, {Environment.ProcessorCount} cores)");

    public static string LoadAverage()
    {
        var parts = File.ReadAllText("/proc/loadavg").Split(' ');
        return $"{parts[0]} {parts[1]} {parts[2]}";
    }

    private static double MemTotalGb()
    {
        var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0 / 1024.0;
    }
}
