using System.Text.Json;
using Agent.Benchmarks.Infrastructure;

namespace Agent.Benchmarks.Scenarios;

/// <summary>
/// Benchmark 1: request→result latency through the agent at a fixed rate, against the baseline (bare WebSocket
/// round trip + direct Argo create) measured in the same run on the same sandbox. Baseline and agent alternate in
/// rounds, so a change in the machine's load hits both; the ratio is taken over the pooled rounds.
/// Target: ≤ 1.5× at p50, ≤ 2.5× at p99.
/// </summary>
internal static class DispatchBenchmark
{
    public const string AgentId = "bench-dispatch";
    private const string ArgoTimeSum = "collate_hybrid_agent_argo_response_time_seconds_sum";
    private const string ArgoTimeCount = "collate_hybrid_agent_argo_response_time_seconds_count";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    public static async Task<int> RunAsync(BenchArguments args)
    {
        var rate = args.Double("rate", 200);
        var duration = args.Duration("duration", TimeSpan.FromSeconds(10));
        var warmup = args.Duration("warmup", TimeSpan.FromSeconds(3));
        var rounds = args.Int("rounds", 3);

        // How long each created workflow stays Pending. The default lets every run go on to Running and Succeeded, so
        // the agent also reports three run.status per request; a very long one (e.g. 86400) measures dispatch alone.
        var pendingSeconds = args.Double("pending-seconds", 0.2);
        MachineInfo.PrintHeader(
            $"dispatch: {rounds} rounds of baseline then agent, each {rate} requests/s for {duration.TotalSeconds} s, after {warmup.TotalSeconds} s of warm-up each; workflows pending {pendingSeconds} s");

        await using var sandbox = await BenchHost.StartSandboxAsync(new Dictionary<string, string?>
        {
            ["Sandbox:Argo:PendingSeconds"] = pendingSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var (agent, _) = await Runs.StartAgentAsync(sandbox, AgentId, TimeSpan.FromSeconds(30));
        await using (agent)
        {
            await ThroughAgentAsync(sandbox, rate, warmup);
            var agentWorkflow = sandbox.Emulator.ListWorkflows(BenchHost.Namespace)[0];
            await using var baseline = await BaselineClient.ConnectAsync(sandbox, agentWorkflow);
            await ThroughBaselineAsync(baseline, rate, warmup);

            var table = new Table("round", "path", "requests", "failed", "achieved/s", "p50 ms", "p90 ms", "p99 ms", "max ms");
            var pooledBaseline = new Latencies();
            var pooledAgent = new Latencies();
            var (argoSeconds, argoCalls) = (0.0, 0.0);
            for (var round = 1; round <= rounds; round++)
            {
                var baselineOutcome = await ThroughBaselineAsync(baseline, rate, duration);
                var (sumBefore, countBefore) = (await agent.ReadMetricAsync(ArgoTimeSum, default), await agent.ReadMetricAsync(ArgoTimeCount, default));
                var agentOutcome = await ThroughAgentAsync(sandbox, rate, duration);
                argoSeconds += await agent.ReadMetricAsync(ArgoTimeSum, default) - sumBefore;
                argoCalls += await agent.ReadMetricAsync(ArgoTimeCount, default) - countBefore;
                AddRow(table, round.ToString(System.Globalization.CultureInfo.InvariantCulture), "baseline", baselineOutcome);
                AddRow(table, round.ToString(System.Globalization.CultureInfo.InvariantCulture), "agent", agentOutcome);
                pooledBaseline.AddAll(baselineOutcome.Latencies);
                pooledAgent.AddAll(agentOutcome.Latencies);
            }

            AddPooled(table, "baseline", pooledBaseline);
            AddPooled(table, "agent", pooledAgent);
            table.Print("Dispatch latency (baseline: WebSocket echo + direct Argo create; agent: pipeline.run → result)");

            var p50 = pooledAgent.Percentile(50) / pooledBaseline.Percentile(50);
            var p99 = pooledAgent.Percentile(99) / pooledBaseline.Percentile(99);
            var ratios = new Table("ratio agent / baseline (all rounds)", "measured", "target", "met");
            ratios.Add("p50", $"{p50:0.00}×", "≤ 1.5×", p50 <= 1.5 ? "yes" : "no");
            ratios.Add("p99", $"{p99:0.00}×", "≤ 2.5×", p99 <= 2.5 ? "yes" : "no");
            ratios.Print("Dispatch overhead");
            Report.Line($"the agent's own Argo call time (its argo_response_time metric) during the agent phases: mean {argoSeconds / argoCalls * 1000:0.00} ms over {argoCalls:0} calls");
            Report.Line($"agent RSS at the end: {agent.ReadRssMb():0.0} MB");
        }

        MachineInfo.PrintLoad("load at end");
        return 0;
    }

    public static Task<LoadRunner.Outcome> ThroughAgentAsync(SandboxServer sandbox, double rate, TimeSpan duration)
    {
        var payloads = Payloads(rate, duration);
        return LoadRunner.RunAsync(rate, duration, Timeout, (i, cancel) => Runs.RunThroughAgentAsync(sandbox, AgentId, payloads[i], cancel));
    }

    public static void AddRow(Table table, string round, string label, LoadRunner.Outcome outcome)
    {
        var latencies = outcome.Latencies;
        table.Add(round, label, outcome.Offered, Failed(latencies), latencies.Count / outcome.TotalTime.TotalSeconds,
            Table.Ms(latencies.Percentile(50)), Table.Ms(latencies.Percentile(90)), Table.Ms(latencies.Percentile(99)), Table.Ms(latencies.Max));
    }

    /// <summary>The failure count with its reasons, e.g. <c>12 (code 429 ×12)</c>.</summary>
    public static string Failed(Latencies latencies) =>
        latencies.Failures == 0 ? "0" : $"{latencies.Failures} ({latencies.FailureReasons})";

    public static JsonElement[] Payloads(double rate, TimeSpan duration) =>
        [.. Enumerable.Range(0, Math.Max(1, (int)(rate * duration.TotalSeconds))).Select(Runs.RunPayload)];

    private static void AddPooled(Table table, string label, Latencies latencies) =>
        table.Add("all", label, latencies.Count + latencies.Failures, Failed(latencies), "",
            Table.Ms(latencies.Percentile(50)), Table.Ms(latencies.Percentile(90)), Table.Ms(latencies.Percentile(99)), Table.Ms(latencies.Max));

    private static Task<LoadRunner.Outcome> ThroughBaselineAsync(BaselineClient baseline, double rate, TimeSpan duration)
    {
        var payloads = Payloads(rate, duration);
        var bodies = payloads.Select((_, i) => baseline.CreateBody(i)).ToArray();
        return LoadRunner.RunAsync(rate, duration, Timeout, (i, cancel) => baseline.RoundTripAsync(payloads[i], bodies[i], cancel));
    }
}
