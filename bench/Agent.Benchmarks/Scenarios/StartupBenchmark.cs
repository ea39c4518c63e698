using Agent.Benchmarks.Infrastructure;

namespace Agent.Benchmarks.Scenarios;

/// <summary>Benchmark 5: from starting the agent process to the control plane sending it <c>welcome</c>. Target ≤ 1 s.</summary>
internal static class StartupBenchmark
{
    public static async Task<int> RunAsync(BenchArguments args)
    {
        var repeat = args.Int("repeat", 5);
        MachineInfo.PrintHeader($"startup: {repeat} starts of `dotnet Agent.Web.dll`, each to welcome");

        await using var sandbox = await BenchHost.StartSandboxAsync();
        var table = new Table("start", "process start → welcome ms", "RSS MB at welcome");
        var times = new List<double>();
        for (var i = 1; i <= repeat; i++)
        {
            var (agent, startup) = await Runs.StartAgentAsync(sandbox, $"bench-startup-{i}", TimeSpan.FromSeconds(30));
            await using (agent)
            {
                times.Add(startup.TotalMilliseconds);
                table.Add(i, Table.Ms(startup.TotalMilliseconds), Table.Number(agent.ReadRssMb()));
            }
        }

        times.Sort();
        var median = times.Count % 2 == 1 ? times[times.Count / 2] : (times[(times.Count / 2) - 1] + times[times.Count / 2]) / 2;
        table.Add("median", Table.Ms(median), "");
        table.Print("Startup: process start → welcome received");
        Report.Line($"target ≤ 1000 ms: {(median <= 1000 ? "met" : "not met")} at the median ({median:0} ms), worst {times[^1]:0} ms");
        MachineInfo.PrintLoad("load at end");
        return 0;
    }
}
