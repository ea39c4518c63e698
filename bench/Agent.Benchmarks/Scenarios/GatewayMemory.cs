using Agent.Benchmarks.Gateway;
using Agent.Benchmarks.Infrastructure;
using GatewayProcess = Agent.Benchmarks.Gateway.GatewayProcess;

namespace Agent.Benchmarks.Scenarios;

/// <summary>
/// The second half of the <c>gateway</c> benchmark: the gateway process's memory with 0, 100 and 1,000 idle connected
/// agents (<c>--levels</c>), on a fresh gateway per round whose agents file names them all. At each level, after
/// <c>--settle</c>, a full GC is forced through the diagnostic port (<see cref="GcProbe"/>) and VmRSS, its anonymous part
/// and the managed heap are read. The cost of one agent is the slope from the 0 level to each other level, and the
/// marginal one the slope from the level before (which leaves out what the first connections cost once).
/// </summary>
internal static class GatewayMemory
{
    public static async Task RunAsync(BenchArguments args)
    {
        var levels = args.Doubles("levels", [0, 100, 1000]).Select(level => (int)level).Order().ToList();
        var settle = args.Duration("settle", TimeSpan.FromSeconds(10));
        var rounds = args.Int("memory-rounds", 3);
        Report.Line($"memory: {string.Join(", ", levels)} idle connected agents, {settle.TotalSeconds} s settle and a forced full GC before each reading, {rounds} rounds");
        var table = new Table("round", "connected", "RSS MB", "RSS anon MB", "managed heap MB (after full GC)", "KB/agent RSS", "KB/agent anon", "KB/agent heap");
        var slopes = new Dictionary<int, List<(double Rss, double Anon, double Heap, double MarginalRss, double MarginalHeap)>>();
        for (var round = 1; round <= rounds; round++)
        {
            await using var gateway = await GatewayProcess.StartAsync(GatewayFleet.AgentsFile(levels[^1], 0), TimeSpan.FromSeconds(60));
            var agents = new List<ProtocolAgent>();
            (double Rss, double Anon, double Heap)? baseline = null;
            (int Level, double Rss, double Heap) previous = (0, double.NaN, double.NaN);
            foreach (var level in levels)
            {
                agents.AddRange(await GatewayFleet.ConnectAsync(gateway, agents.Count, level - agents.Count, CancellationToken.None));
                await Task.Delay(settle);
                var heap = await GcProbe.CollectAsync(gateway.Id, TimeSpan.FromSeconds(20));
                await Task.Delay(TimeSpan.FromSeconds(1));
                var reading = (Rss: gateway.ReadRssMb(), Anon: gateway.ReadRssAnonMb(), Heap: heap);
                baseline ??= level == 0 ? reading : null;
                var slope = baseline is { } zero && level > 0
                    ? (Rss: PerAgentKb(reading.Rss - zero.Rss, level), Anon: PerAgentKb(reading.Anon - zero.Anon, level), Heap: PerAgentKb(reading.Heap - zero.Heap, level))
                    : (Rss: double.NaN, Anon: double.NaN, Heap: double.NaN);
                if (level > 0)
                {
                    var added = level - previous.Level;
                    (slopes.TryGetValue(level, out var list) ? list : slopes[level] = []).Add(
                        (slope.Rss, slope.Anon, slope.Heap, PerAgentKb(reading.Rss - previous.Rss, added), PerAgentKb(reading.Heap - previous.Heap, added)));
                }

                previous = (level, reading.Rss, reading.Heap);

                table.Add(round, level, Table.Number(reading.Rss), Table.Number(reading.Anon), Table.Number(reading.Heap),
                    Table.Number(slope.Rss), Table.Number(slope.Anon), Table.Number(slope.Heap));
                Report.Line($"round {round}, {level} agents: RSS {reading.Rss:0.0} MB (anon {reading.Anon:0.0}), managed heap {reading.Heap:0.0} MB; loadavg {MachineInfo.LoadAverage()}");
            }

            await GatewayFleet.DisconnectAsync(agents);
        }

        table.Print("Gateway memory: every round");
        var summary = new Table("from 0 to", "KB/agent RSS median (min–max)", "KB/agent anon", "KB/agent managed heap", "marginal KB/agent RSS (from the level before)", "marginal KB/agent heap");
        foreach (var (level, list) in slopes)
        {
            summary.Add(level, Spread.Format([.. list.Select(s => s.Rss)]), Spread.Format([.. list.Select(s => s.Anon)]), Spread.Format([.. list.Select(s => s.Heap)]),
                Spread.Format([.. list.Select(s => s.MarginalRss)]), Spread.Format([.. list.Select(s => s.MarginalHeap)]));
        }

        summary.Print($"Gateway memory per connected agent, median of {rounds} rounds (range)");
    }

    private static double PerAgentKb(double megabytes, int agents) => megabytes * 1024 / agents;
}
