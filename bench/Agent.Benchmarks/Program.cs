using Agent.Benchmarks.Infrastructure;
using Agent.Benchmarks.Micro;
using Agent.Benchmarks.Scenarios;

namespace Agent.Benchmarks;

/// <summary>
/// One command per benchmark: <c>dotnet run -c Release --project bench/Agent.Benchmarks -- &lt;name&gt; [--option value]</c>.
/// See bench/README.md for the names, their options and what each measures.
/// </summary>
internal static class Program
{
    private static readonly string[] Names = ["dispatch", "throughput", "status", "scale", "startup", "micro", "soak", "argo-call", "logs", "gateway"];

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || !Names.Contains(args[0]))
        {
            await Console.Error.WriteLineAsync($"usage: Agent.Benchmarks <{string.Join("|", Names)}> [--option value ...]; see bench/README.md");
            return 2;
        }

        var options = new BenchArguments(args[1..]);
        if (Find(args, "agent-dll") is { } agentDll)
        {
            BenchHost.AgentDll = Path.GetFullPath(agentDll);
        }

        for (var i = 1; i < args.Length - 1; i++)
        {
            if (args[i] == "--agent-env" && args[i + 1].Split('=', 2) is [var name, var value])
            {
                BenchHost.ExtraEnvironment[name] = value;
            }
        }

        if (BenchHost.ExtraEnvironment.Count > 0)
        {
            Report.Line($"agent started with: {string.Join(", ", BenchHost.ExtraEnvironment.Select(pair => $"{pair.Key}={pair.Value}"))}");
        }

        return args[0] switch
        {
            "dispatch" => await DispatchBenchmark.RunAsync(options),
            "throughput" => await ThroughputBenchmark.RunAsync(options),
            "status" => await StatusBenchmark.RunAsync(options),
            "scale" => await ScaleBenchmark.RunAsync(options),
            "startup" => await StartupBenchmark.RunAsync(options),
            "soak" => await SoakBenchmark.RunAsync(options),
            "argo-call" => await ArgoCallBenchmark.RunAsync(options),
            "logs" => await LogsBenchmark.RunAsync(options),
            "gateway" => await GatewayBenchmark.RunAsync(options),
            _ => MicroBenchmarks.Run(args[1..]),
        };
    }

    private static string? Find(string[] args, string name)
    {
        var at = Array.IndexOf(args, $"--{name}");
        return at >= 0 && at < args.Length - 1 ? args[at + 1] : null;
    }
}
