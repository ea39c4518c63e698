using Agent.Benchmarks.Clusters;
using Agent.Benchmarks.Infrastructure;

namespace Agent.Benchmarks.Scenarios;

/// <summary>
/// Benchmark 3: time from a phase change forced in the emulator (an Argo workflow's, or with <c>--executor kubernetes</c>
/// a Job's pod) to the matching <c>run.status</c> at the control plane, first with the watch stream, then with the watch
/// route failing, so the agent falls back to listing. Target: p50 ≤ 200 ms with the watch stream.
/// </summary>
internal static class StatusBenchmark
{
    private const string AgentId = "bench-status";

    public static async Task<int> RunAsync(BenchArguments args)
    {
        var executor = BenchCluster.ExecutorOf(args);
        var watchSamples = args.Int("watch-samples", 200);
        var watchRate = args.Double("watch-rate", 10);
        var pollSamples = args.Int("poll-samples", 60);
        var pollRate = args.Double("poll-rate", 2);
        var pollWarmup = args.Duration("poll-warmup", TimeSpan.FromSeconds(15));
        MachineInfo.PrintHeader(
            $"status: {watchSamples} phase changes at {watchRate}/s with the watch stream, {pollSamples} at {pollRate}/s with it failing{OnExecutor(executor)}");

        // Runs stay in the phase they are put in: the clock of the emulator never moves them on its own.
        await using var cluster = await BenchCluster.StartAsync(executor, pendingSeconds: 86400, runningSeconds: 86400);
        var sandbox = cluster.Sandbox;
        var (agent, _) = await Runs.StartAgentAsync(sandbox, AgentId, TimeSpan.FromSeconds(30), environment: cluster.AgentEnvironment(AgentId));
        await using (agent)
        {
            var runs = Enumerable.Range(0, watchSamples + pollSamples)
                .Select(i => (RunId: Guid.NewGuid().ToString(), Index: i))
                .Select(run => (run.RunId, Name: cluster.CreateRun(AgentId, run.RunId, run.Index)))
                .ToList();
            await Runs.WaitForStatusesAsync(sandbox, AgentId, [.. runs.Select(r => r.RunId)], "queued", TimeSpan.FromSeconds(60));
            cluster.BeforeForcing();

            var watch = await MeasureAsync(cluster, runs[..watchSamples], watchRate);
            var before = cluster.Requests();
            var dropped = cluster.FailWatches();
            var table = new Table("mode", "samples", "missed", "p50 ms", "p90 ms", "p99 ms", "max ms");
            AddRow(table, "watch stream", watch);
            if (dropped is null)
            {
                table.Print($"Status propagation: {cluster.PhaseChange} → run.status at the control plane");
                Report.Line($"fallback polling: not measured, the emulator of this executor has no watch fault");
            }
            else
            {
                await Task.Delay(pollWarmup);
                var pollStart = cluster.Requests();
                var pollWatch = System.Diagnostics.Stopwatch.StartNew();
                var polling = await MeasureAsync(cluster, runs[watchSamples..], pollRate);
                var pollMinutes = pollWatch.Elapsed.TotalMinutes;
                var pollEnd = cluster.Requests();
                cluster.ClearFaults();

                AddRow(table, "fallback polling (watch route answers 503)", polling);
                table.Print($"Status propagation: {cluster.PhaseChange} → run.status at the control plane");
                PrintCalls(cluster, pollStart, pollEnd, pollMinutes, $"({dropped} watch dropped; {before.Count} routes seen before)");
            }

            var p50 = watch.Percentile(50);
            Report.Line($"target p50 ≤ 200 ms with the watch stream: {(p50 <= 200 ? "met" : "not met")} ({p50:0.00} ms)");
        }

        MachineInfo.PrintLoad("load at end");
        return 0;
    }

    /// <summary>Nothing for the default executor, so its output reads as it did before there was a choice.</summary>
    public static string OnExecutor(string executor) => executor == BenchCluster.Argo ? "" : $", {executor} executor";

    private static void PrintCalls(BenchCluster cluster, IReadOnlyDictionary<string, long> start, IReadOnlyDictionary<string, long> end, double minutes, string note)
    {
        var calls = new Table("route", "calls/min while polling");
        foreach (var (route, count) in end)
        {
            var delta = count - start.GetValueOrDefault(route);
            if (delta > 0)
            {
                calls.Add(route, Table.Number(delta / minutes));
            }
        }

        calls.Print($"{cluster.CallsName} during fallback polling {note}");
    }

    private static async Task<Latencies> MeasureAsync(BenchCluster cluster, List<(string RunId, string Name)> runs, double rate)
    {
        var latencies = new Latencies();
        var waits = new List<Task>();
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        for (var i = 0; i < runs.Count; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate) - System.Diagnostics.Stopwatch.GetElapsedTime(start);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }

            var (runId, name) = runs[i];
            var changedAt = DateTimeOffset.UtcNow;
            cluster.ForceRunning(name);
            waits.Add(WaitAsync(cluster.Sandbox, runId, changedAt, latencies));
        }

        await Task.WhenAll(waits);
        return latencies;
    }

    private static async Task WaitAsync(SandboxServer sandbox, string runId, DateTimeOffset changedAt, Latencies latencies)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            var received = await sandbox.ControlPlane.WaitForStatusAsync(
                status => status.RunId == runId && Runs.IsRunning(status), cancel.Token);
            latencies.Add((received.ReceivedAt - changedAt).TotalMilliseconds);
        }
        catch (OperationCanceledException)
        {
            latencies.Fail("no run.status within 60 s");
        }
    }

    private static void AddRow(Table table, string mode, Latencies latencies) =>
        table.Add(mode, latencies.Count, latencies.Failures, Table.Ms(latencies.Percentile(50)), Table.Ms(latencies.Percentile(90)),
            Table.Ms(latencies.Percentile(99)), Table.Ms(latencies.Max));
}
