using Agent.Benchmarks.Infrastructure;

namespace Agent.Benchmarks.Scenarios;

/// <summary>
/// Benchmark 2: steps the offered rate of <c>pipeline.run</c> up and reports, per step, what the agent completed end
/// to end and at what latency. The sustained rate is the last step before the first one that did not keep pace:
/// ≥ 95 % of the offered rate completed, nothing failed (a 429 counts: the agent shed load), p99 ≤ <c>--max-p99</c> ms.
/// </summary>
internal static class ThroughputBenchmark
{
    public static async Task<int> RunAsync(BenchArguments args)
    {
        var rates = args.Doubles("rates", [100, 200, 400, 800, 1200, 1600]);
        var step = args.Duration("step", TimeSpan.FromSeconds(5));
        var maxP99 = args.Double("max-p99", 100);
        MachineInfo.PrintHeader($"throughput: steps of {step.TotalSeconds} s at {string.Join(", ", rates)} requests/s");

        await using var sandbox = await BenchHost.StartSandboxAsync();
        var (agent, _) = await Runs.StartAgentAsync(sandbox, DispatchBenchmark.AgentId, TimeSpan.FromSeconds(30));
        await using (agent)
        {
            await DispatchBenchmark.ThroughAgentAsync(sandbox, rates[0], TimeSpan.FromSeconds(5));
            var table = new Table("offered/s", "requests", "failed", "completed/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "agent RSS MB", "kept pace");
            double sustained = 0;
            var climbed = false;
            foreach (var rate in rates)
            {
                var outcome = await DispatchBenchmark.ThroughAgentAsync(sandbox, rate, step);
                var latencies = outcome.Latencies;
                var completedRate = latencies.Count / outcome.TotalTime.TotalSeconds;
                var keptPace = latencies.Failures == 0 && completedRate >= 0.95 * rate && latencies.Percentile(99) <= maxP99;
                climbed |= !keptPace;
                if (!climbed)
                {
                    sustained = rate;
                }

                table.Add(rate, outcome.Offered, DispatchBenchmark.Failed(latencies), completedRate, Table.Ms(latencies.Percentile(50)),
                    Table.Ms(latencies.Percentile(90)), Table.Ms(latencies.Percentile(99)), Table.Ms(latencies.Max),
                    Table.Number(agent.ReadRssMb()), keptPace ? "yes" : "no");
                if (!keptPace && latencies.Failures > outcome.Offered / 2)
                {
                    break;
                }

                await Task.Delay(TimeSpan.FromSeconds(2));
            }

            table.Print("Throughput steps");
            Report.Line($"sustained (last step before the first that did not keep pace, p99 ≤ {maxP99} ms): {sustained} requests/s");
        }

        MachineInfo.PrintLoad("load at end");
        return 0;
    }
}
