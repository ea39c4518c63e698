using System.Diagnostics;
using Agent.Benchmarks.Infrastructure;

namespace Agent.Benchmarks.Scenarios;

/// <summary>
/// Benchmark 7: a long run at a steady rate (default 30 minutes at 50 requests/s; not run in CI), one table row per
/// slice. RSS growth is measured from the end of the warm-up (RSS after the last warm-up slice) to the end of the run (mean RSS of the
/// last fifth of the measured slices); target under 5 %. Each row also shows how far the sender fell behind its
/// schedule and how long this process (sender and sandbox) was paused by its own GC, so that a burst of 429s can be
/// told apart from a slow agent.
/// </summary>
internal static class SoakBenchmark
{
    public static async Task<int> RunAsync(BenchArguments args)
    {
        var rate = args.Double("rate", 50);
        var duration = args.Duration("duration", TimeSpan.FromMinutes(30));
        var warmup = args.Duration("warmup", TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(5).Ticks, duration.Ticks / 4)));
        var slice = args.Duration("slice", duration >= TimeSpan.FromMinutes(10) ? TimeSpan.FromMinutes(1) : TimeSpan.FromSeconds(15));
        MachineInfo.PrintHeader($"soak: {rate} requests/s for {duration.TotalMinutes:0.##} min, warm-up {warmup.TotalSeconds} s, slices of {slice.TotalSeconds} s");

        await using var sandbox = await BenchHost.StartSandboxAsync();
        var (agent, _) = await Runs.StartAgentAsync(sandbox, DispatchBenchmark.AgentId, TimeSpan.FromSeconds(30));
        await using (agent)
        {
            var table = new Table("t (s)", "requests", "failed", "p50 ms", "p99 ms", "max ms", "sender late ms", "bench GC pause ms", "RSS MB", "managed heap MB", "phase");
            var clock = Stopwatch.StartNew();
            var slices = Math.Max(1, (int)Math.Round(duration / slice));
            var warmupSlices = Math.Min(slices - 1, (int)Math.Ceiling(warmup / slice));
            var tailSlices = Math.Max(1, (slices - warmupSlices) / 5);
            var rssAfterWarmup = double.NaN;
            var tail = new List<double>();
            for (var index = 0; index < slices; index++)
            {
                var pausedBefore = GC.GetTotalPauseDuration();
                var outcome = await DispatchBenchmark.ThroughAgentAsync(sandbox, rate, slice);
                var paused = GC.GetTotalPauseDuration() - pausedBefore;
                var rss = agent.ReadRssMb();
                var heap = await agent.ReadManagedHeapMbAsync(CancellationToken.None);
                var warming = index < warmupSlices;
                if (index == warmupSlices - 1 || (warmupSlices == 0 && index == 0))
                {
                    rssAfterWarmup = rss;
                }

                if (index >= slices - tailSlices)
                {
                    tail.Add(rss);
                }

                var latencies = outcome.Latencies;
                table.Add(Table.Number(clock.Elapsed.TotalSeconds, "0"), outcome.Offered, DispatchBenchmark.Failed(latencies), Table.Ms(latencies.Percentile(50)),
                    Table.Ms(latencies.Percentile(99)), Table.Ms(latencies.Max), Table.Number(outcome.MaxLateness.TotalMilliseconds, "0"), Table.Number(paused.TotalMilliseconds, "0"), Table.Number(rss), Table.Number(heap), warming ? "warm-up" : "measured");
                Report.Line(
                    $"t={clock.Elapsed.TotalSeconds:0} s: p50 {latencies.Percentile(50):0.00} ms, RSS {rss:0.0} MB, heap {heap:0.0} MB");
            }

            table.Print($"Soak: {rate} requests/s for {duration.TotalMinutes:0.##} min");
            var end = tail.Average();
            var growth = (end - rssAfterWarmup) / rssAfterWarmup * 100;
            Report.Line($"RSS after warm-up {rssAfterWarmup:0.0} MB, at the end {end:0.0} MB: growth {growth:0.0} % (target < 5 %: {(growth < 5 ? "met" : "not met")})");
        }

        MachineInfo.PrintLoad("load at end");
        return 0;
    }
}
