using System.Text.Json;
using Agent.Benchmarks.Infrastructure;

namespace Agent.Benchmarks.Scenarios;

/// <summary>
/// Benchmark 1: request→result latency through the agent at a fixed rate, against the baseline (bare WebSocket
/// round trip + direct Argo create) measured in the same run on the same sandbox. Target: ≤ 1.5× at p50, ≤ 2.5× at p99.
/// </summary>
internal static class DispatchBenchmark
{
    public const string AgentId = "bench-dispatch";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    public static async Task<int> RunAsync(BenchArguments args)
    {
        var rate = args.Double("rate", 200);
        var duration = args.Duration("duration", TimeSpan.FromSeconds(10));
        var warmup = args.Duration("warmup", TimeSpan.FromSeconds(3));
        MachineInfo.PrintHeader($"dispatch: {rate} requests/s for {duration.TotalSeconds} s, after {warmup.TotalSeconds} s of warm-up each");

        await using var sandbox = await BenchSandbox.StartAsync();
        var (agent, _) = await Runs.StartAgentAsync(sandbox, AgentId, TimeSpan.FromSeconds(30));
        await using (agent)
        {
            await ThroughAgentAsync(sandbox, rate, warmup);
            var agentWorkflow = sandbox.Argo.ListWorkflows(BenchSandbox.Namespace)[0];
            await using var baseline = await BaselineClient.ConnectAsync(sandbox, agentWorkflow);
            await ThroughBaselineAsync(baseline, rate, warmup);

            var baselineOutcome = await ThroughBaselineAsync(baseline, rate, duration);
            var agentOutcome = await ThroughAgentAsync(sandbox, rate, duration);

            var table = new Table("path", "requests", "failed", "achieved/s", "p50 ms", "p90 ms", "p99 ms", "max ms");
            AddRow(table, "baseline (WebSocket echo + Argo create)", baselineOutcome);
            AddRow(table, "through the agent (pipeline.run → result)", agentOutcome);
            table.Print("Dispatch latency");

            var p50 = agentOutcome.Latencies.Percentile(50) / baselineOutcome.Latencies.Percentile(50);
            var p99 = agentOutcome.Latencies.Percentile(99) / baselineOutcome.Latencies.Percentile(99);
            var ratios = new Table("ratio agent / baseline", "measured", "target", "met");
            ratios.Add("p50", $"{p50:0.00}×", "≤ 1.5×", p50 <= 1.5 ? "yes" : "no");
            ratios.Add("p99", $"{p99:0.00}×", "≤ 2.5×", p99 <= 2.5 ? "yes" : "no");
            ratios.Print("Dispatch overhead");
            Report.Line($"agent RSS at the end: {agent.ReadRssMb():0.0} MB");
        }

        MachineInfo.PrintLoad("load at end");
        return 0;
    }

    public static Task<LoadRunner.Outcome> ThroughAgentAsync(BenchSandbox sandbox, double rate, TimeSpan duration)
    {
        var payloads = Payloads(rate, duration);
        return LoadRunner.RunAsync(rate, duration, Timeout, (i, cancel) => Runs.RunThroughAgentAsync(sandbox, AgentId, payloads[i], cancel));
    }

    public static void AddRow(Table table, string label, LoadRunner.Outcome outcome)
    {
        var latencies = outcome.Latencies;
        table.Add(label, outcome.Offered, latencies.Failures, latencies.Count / outcome.TotalTime.TotalSeconds,
            Table.Ms(latencies.Percentile(50)), Table.Ms(latencies.Percentile(90)), Table.Ms(latencies.Percentile(99)), Table.Ms(latencies.Max));
    }

    public static JsonElement[] Payloads(double rate, TimeSpan duration) =>
        [.. Enumerable.Range(0, Math.Max(1, (int)(rate * duration.TotalSeconds))).Select(Runs.RunPayload)];

    private static Task<LoadRunner.Outcome> ThroughBaselineAsync(BaselineClient baseline, double rate, TimeSpan duration)
    {
        var payloads = Payloads(rate, duration);
        var bodies = payloads.Select((_, i) => baseline.CreateBody(i)).ToArray();
        return LoadRunner.RunAsync(rate, duration, Timeout, (i, cancel) => baseline.RoundTripAsync(payloads[i], bodies[i], cancel));
    }
}
