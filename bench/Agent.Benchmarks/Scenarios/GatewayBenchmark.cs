using System.Diagnostics;
using System.Net.Http.Json;
using Agent.Benchmarks.Gateway;
using Agent.Benchmarks.Infrastructure;
using GatewayProcess = Agent.Benchmarks.Gateway.GatewayProcess;
using Agent.Core.Protocol;

namespace Agent.Benchmarks.Scenarios;

/// <summary>
/// Issue 15: the gateway process (Release <c>Agent.Gateway.dll</c>, SQLite store) with <c>--agents</c> connected
/// protocol clients (<see cref="ProtocolAgent"/>, answering at once) and one deployed pipeline per agent. Concurrent
/// Basic-auth HTTP callers measure requests/s and latency of <c>POST trigger</c> (spread over every dag_id) and
/// <c>GET status?only_queued=true</c>, in rounds. Then <see cref="GatewayMemory"/> measures memory per connected agent.
/// </summary>
internal static class GatewayBenchmark
{
    public static async Task<int> RunAsync(BenchArguments args)
    {
        var agentCount = args.Int("agents", 100);
        var concurrencies = args.Doubles("concurrency", [16, 64]).Select(level => (int)level).ToList();
        var warmup = args.Duration("warmup", TimeSpan.FromSeconds(3));
        var duration = args.Duration("duration", TimeSpan.FromSeconds(10));
        var rounds = args.Int("rounds", 3);
        MachineInfo.PrintHeader(
            $"gateway: {agentCount} connected protocol agents; trigger and status at {string.Join(", ", concurrencies)} connections; {rounds} rounds of {warmup.TotalSeconds} s warm-up + {duration.TotalSeconds} s");

        await using var sandbox = await BenchHost.StartSandboxAsync();
        for (var i = 0; i < agentCount; i++)
        {
            using var registered = await sandbox.Client.PostAsJsonAsync("/sandbox/openmetadata/services",
                new { collection = "databaseServices", name = GatewayFleet.ServiceName(i), serviceType = "Mysql" });
            registered.EnsureSuccessStatusCode();
        }

        var failed = false;
        await using (var gateway = await GatewayProcess.StartAsync(GatewayFleet.AgentsFile(agentCount, agentCount), TimeSpan.FromSeconds(60)))
        {
            var agents = await GatewayFleet.ConnectAsync(gateway, 0, agentCount, CancellationToken.None);
            using var deployer = new GatewayAirflowClient(gateway, 4);
            var deploying = Stopwatch.StartNew();
            for (var i = 0; i < agentCount; i++)
            {
                if (await deployer.DeployAsync(new Uri(sandbox.OpenMetadataHostPort), SandboxServer.OpenMetadataBotToken, i, CancellationToken.None) is { } problem)
                {
                    throw new InvalidOperationException($"deploy of {GatewayFleet.DagId(i)} failed: {problem}{Environment.NewLine}{gateway.Tail()}");
                }
            }

            Report.Line($"{agentCount} agents connected, {agentCount} pipelines deployed one after another in {deploying.Elapsed.TotalSeconds:0.0} s ({deploying.Elapsed.TotalMilliseconds / agentCount:0.0} ms each, OM service lookup included)");
            failed = await MeasureRoutesAsync(gateway, agentCount, concurrencies, warmup, duration, rounds);
            await Task.Delay(TimeSpan.FromSeconds(1));
            Report.Line($"gateway RSS after the load: {gateway.ReadRssMb():0.0} MB; messages with a seq the gateway has not acknowledged: {agents.Sum(agent => agent.Unacknowledged)}");
            await GatewayFleet.DisconnectAsync(agents);
        }

        await GatewayMemory.RunAsync(args);
        MachineInfo.PrintLoad("load at end");
        return failed ? 1 : 0;
    }

    private static async Task<bool> MeasureRoutesAsync(
        GatewayProcess gateway, int agentCount, IReadOnlyList<int> concurrencies, TimeSpan warmup, TimeSpan duration, int rounds)
    {
        var perRound = new Table("round", "route", "connections", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors", "agent round trip ms (mean, warm-up included)");
        var outcomes = new Dictionary<(string Route, int Connections), List<ClosedLoop.Outcome>>();
        var timeout = TimeSpan.FromSeconds(15);
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var connections in concurrencies)
            {
                using var client = new GatewayAirflowClient(gateway, connections);
                foreach (var route in new[] { "trigger", "status" })
                {
                    Func<long, CancellationToken, Task<string?>> operation = route == "trigger"
                        ? (n, token) => client.TriggerAsync((int)(n % agentCount), token)
                        : (n, token) => client.StatusAsync((int)(n % agentCount), token);
                    var before = await gateway.ReadAgentRoundTripAsync(MessageTypes.PipelineRun);
                    var outcome = await ClosedLoop.RunAsync(connections, warmup, duration, timeout, operation);
                    var after = await gateway.ReadAgentRoundTripAsync(MessageTypes.PipelineRun);
                    var roundTrip = after.Count > before.Count ? (after.SumMs - before.SumMs) / (after.Count - before.Count) : double.NaN;
                    var latencies = outcome.Latencies;
                    perRound.Add(round, route, connections, latencies.Count, Table.Number(outcome.PerSecond), Table.Ms(latencies.Percentile(50)),
                        Table.Ms(latencies.Percentile(95)), Table.Ms(latencies.Percentile(99)), Table.Ms(latencies.Max), latencies.Failures, Table.Ms(roundTrip));
                    Report.Line($"round {round}, {route} at {connections} connections: {outcome.PerSecond:0.0} req/s, p50 {latencies.Percentile(50):0.00} ms, p99 {latencies.Percentile(99):0.00} ms, {latencies.Failures} errors{(latencies.Failures > 0 ? $": {latencies.FailureReasons}" : "")}; loadavg {MachineInfo.LoadAverage()}");
                    (outcomes.TryGetValue((route, connections), out var list) ? list : outcomes[(route, connections)] = []).Add(outcome);
                }
            }
        }

        perRound.Print("Gateway: every round");
        var summary = new Table("route", "connections", "req/s median (min–max)", "p50 ms", "p95 ms", "p99 ms median (min–max)", "errors (all rounds)");
        foreach (var ((route, connections), list) in outcomes)
        {
            summary.Add(route, connections, Spread.Format([.. list.Select(o => o.PerSecond)]),
                Spread.Format([.. list.Select(o => o.Latencies.Percentile(50))], "0.00"),
                Spread.Format([.. list.Select(o => o.Latencies.Percentile(95))], "0.00"),
                Spread.Format([.. list.Select(o => o.Latencies.Percentile(99))], "0.00"),
                list.Sum(o => o.Latencies.Failures));
        }

        summary.Print($"Gateway: {agentCount} connected agents, median of {rounds} rounds (range)");
        return outcomes.Values.SelectMany(list => list).Any(o => o.Latencies.Failures > 0);
    }
}
