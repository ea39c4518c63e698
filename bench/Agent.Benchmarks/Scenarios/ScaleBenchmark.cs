using System.Diagnostics;
using Agent.Benchmarks.Clusters;
using Agent.Benchmarks.Infrastructure;

namespace Agent.Benchmarks.Scenarios;

/// <summary>
/// Benchmark 4: the agent process's memory (VmRSS and its managed-heap gauge) and its Argo (or, with
/// <c>--executor kubernetes</c>, Kubernetes API) calls per minute while it tracks 0, 1,000 and 10,000 active runs, each
/// level on a fresh sandbox and a fresh agent process. The runs are written straight into the emulator with the
/// agent's labels and stay Running. Targets: idle RSS ≤ 80 MB, 10,000 runs ≤ 160 MB, tracking calls per minute
/// independent of the number of runs.
/// </summary>
internal static class ScaleBenchmark
{
    public static async Task<int> RunAsync(BenchArguments args)
    {
        var executor = BenchCluster.ExecutorOf(args);
        var levels = args.Doubles("runs", [0, 1000, 10000]).Select(level => (int)level).ToList();
        var settle = args.Duration("settle", TimeSpan.FromSeconds(15));
        var window = args.Duration("window", TimeSpan.FromSeconds(60));

        // Opt-in, after each level's measurement: the gauge counts garbage too, and a forced GC tells what is live.
        var liveHeap = args.Int("live-heap", 0) != 0;
        MachineInfo.PrintHeader(
            $"scale: {string.Join(", ", levels)} active runs; {settle.TotalSeconds} s to settle, then {window.TotalSeconds} s measured{StatusBenchmark.OnExecutor(executor)}");

        var callsName = executor == BenchCluster.Kubernetes ? "Kubernetes API calls" : "Argo calls";
        var table = new Table("active runs", "adopted in s", "RSS MB (end)", "RSS MB (max)", "anon / file MB", "managed heap MB", $"{callsName}/min", "open watches", "calls by route (per min)");

        // What any ASP.NET Core process costs on this runtime before the agent does anything: the idle target's floor.
        var floor = await FloorProcess.MeasureAsync(settle);
        table.Add("floor: empty ASP.NET Core app", "–", Table.Number(floor.RssMb), "–", $"{Table.Number(floor.AnonMb)} / {Table.Number(floor.FileMb)}", "–", "–", "–", "–");
        Report.Line($"floor (bench/Agent.Floor, idle {settle.TotalSeconds} s): RSS {floor.RssMb:0.0} MB");
        foreach (var level in levels)
        {
            await MeasureLevelAsync(executor, level, (settle, window), liveHeap, table);
        }

        table.Print("Scale: the agent process tracking active runs");
        MachineInfo.PrintLoad("load at end");
        return 0;
    }

    private static async Task MeasureLevelAsync(string executor, int level, (TimeSpan Settle, TimeSpan Window) timing, bool liveHeap, Table table)
    {
        var (settle, window) = timing;
        var agentId = $"bench-scale-{level}";
        await using var cluster = await BenchCluster.StartAsync(executor, pendingSeconds: 0, runningSeconds: 86400, eventRetention: 20000);
        var sandbox = cluster.Sandbox;
        var runIds = new List<string>(level);
        for (var i = 0; i < level; i++)
        {
            var runId = Guid.NewGuid().ToString();
            cluster.CreateRun(agentId, runId, i);
            runIds.Add(runId);
        }

        var (agent, _) = await Runs.StartAgentAsync(sandbox, agentId, TimeSpan.FromSeconds(30), environment: cluster.AgentEnvironment(agentId));
        await using (agent)
        {
            var adopting = Stopwatch.StartNew();
            await Runs.WaitForStatusesAsync(sandbox, agentId, runIds, "running", TimeSpan.FromMinutes(3));
            var adopted = adopting.Elapsed;
            Report.Line($"{level} runs: all reported running after {adopted.TotalSeconds:0.0} s; settling");
            await Task.Delay(settle);

            var before = cluster.Requests();
            var measuring = Stopwatch.StartNew();
            var maxRss = 0.0;
            while (measuring.Elapsed < window)
            {
                maxRss = Math.Max(maxRss, agent.ReadRssMb());
                await Task.Delay(TimeSpan.FromSeconds(1));
            }

            var minutes = measuring.Elapsed.TotalMinutes;
            var after = cluster.Requests();
            var rss = agent.ReadRssMb();
            var heap = await agent.ReadManagedHeapMbAsync(CancellationToken.None);
            var byRoute = after
                .Select(route => (route.Key, PerMinute: (route.Value - before.GetValueOrDefault(route.Key)) / minutes))
                .Where(route => route.PerMinute > 0)
                .Select(route => $"{route.Key}: {route.PerMinute:0.0}")
                .ToList();
            var total = after.Sum(route => route.Value - before.GetValueOrDefault(route.Key)) / minutes;
            table.Add(level, Table.Number(adopted.TotalSeconds), Table.Number(rss), Table.Number(Math.Max(maxRss, rss)),
                $"{Table.Number(agent.ReadRssAnonMb())} / {Table.Number(agent.ReadRssFileMb())}", Table.Number(heap),
                Table.Number(total), cluster.OpenWatches, byRoute.Count == 0 ? "none" : string.Join("; ", byRoute));
            Report.Line($"{level} runs: RSS {rss:0.0} MB, managed heap {heap:0.0} MB, {total:0.0} {cluster.CallsName}/min");
            if (liveHeap)
            {
                var live = await Gateway.GcProbe.CollectAsync(agent.Id, TimeSpan.FromSeconds(30));
                Report.Line($"{level} runs: after a forced full GC, managed heap {live:0.0} MB, RSS {agent.ReadRssMb():0.0} MB");
            }
        }
    }
}
