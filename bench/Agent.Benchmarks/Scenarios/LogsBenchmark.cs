using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Agent.Benchmarks.Infrastructure;
using Agent.Core.Logs;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.Sandbox.ControlPlane.Api;

namespace Agent.Benchmarks.Scenarios;

/// <summary>
/// <c>pipeline.logs</c> over a large log: one run through the agent, its main container's log grown to
/// <c>--megabytes</c> through the sandbox's control route <c>POST /sandbox/argo/workflows/{ns}/{name}/log</c>
/// (<c>{"lines": N, "lineBytes": M}</c> appends N generated lines to the latest attempt's main container), then the first,
/// middle and last page asked for <c>--repeat</c> times each. Prints the time per page and the agent's peak RSS (VmHWM).
/// </summary>
internal static class LogsBenchmark
{
    private const string AgentId = "bench-logs";
    private const int LinesPerCall = 100_000;

    public static async Task<int> RunAsync(BenchArguments args)
    {
        var megabytes = args.Int("megabytes", 200);
        var lineBytes = args.Int("line-bytes", 200);
        var repeat = args.Int("repeat", 3);
        MachineInfo.PrintHeader($"logs: pages of a {megabytes} MB log ({lineBytes}-byte lines), first/middle/last page × {repeat}");

        await using var sandbox = await BenchHost.StartSandboxAsync();
        var (agent, _) = await Runs.StartAgentAsync(sandbox, AgentId, TimeSpan.FromSeconds(30));
        await using (agent)
        {
            var runId = Guid.NewGuid().ToString();
            var workflowName = await StartRunAsync(sandbox, runId);
            await Runs.WaitForStatusesAsync(sandbox, AgentId, [runId], PipelineStates.Success, TimeSpan.FromSeconds(60));
            var before = agent.ReadRssMb();
            await GrowLogAsync(sandbox, workflowName, megabytes * 1024L * 1024 / (lineBytes + 1), lineBytes);
            var last = (int)((megabytes * 1024L * 1024) - 1) / LogPager.ChunkBytes;

            var table = new Table("page", "after", "ms per page (median)", "ms (worst)", "agent peak RSS MB after");
            foreach (var (label, estimate) in new[] { ("first", 0), ("middle", last / 2), ("last", last) })
            {
                var (after, times) = await TimePageAsync(sandbox, runId, estimate, repeat);
                times.Sort();
                table.Add(label, after, Table.Ms(times[times.Count / 2]), Table.Ms(times[^1]), Table.Number(agent.ReadPeakRssMb()));
            }

            table.Print($"pipeline.logs over a {megabytes} MB log");
            Report.Line($"agent RSS before the log grew: {before:0.0} MB; peak (VmHWM) at the end: {agent.ReadPeakRssMb():0.0} MB");
        }

        MachineInfo.PrintLoad("load at end");
        return 0;
    }

    private static async Task<string> StartRunAsync(SandboxServer sandbox, string runId)
    {
        var ticket = await sandbox.ControlPlane.SubmitAsync(AgentId, MessageTypes.PipelineRun, RequestPayloads.PipelineRun(Runs.PipelineFqn(0), runId: runId));
        var result = await ticket.WaitAsync(CancellationToken.None);
        return result.Payload.GetProperty("data").GetProperty("workflowName").GetString()
            ?? throw new InvalidOperationException($"pipeline.run was not answered with a workflow: {result.Payload}");
    }

    /// <summary>Appends the log in calls of <see cref="LinesPerCall"/> lines, so no one request body or reply is huge.</summary>
    private static async Task GrowLogAsync(SandboxServer sandbox, string workflowName, long lines, int lineBytes)
    {
        using var http = new HttpClient { BaseAddress = sandbox.BaseUrl, Timeout = TimeSpan.FromMinutes(5) };
        for (var appended = 0L; appended < lines; appended += LinesPerCall)
        {
            var batch = (int)Math.Min(LinesPerCall, lines - appended);
            using var response = await http.PostAsJsonAsync(
                $"/sandbox/argo/workflows/{BenchHost.Namespace}/{workflowName}/log", new { lines = batch, lineBytes });
            response.EnsureSuccessStatusCode();
        }
    }

    /// <summary>
    /// Times <paramref name="repeat"/> requests for one page. The log's page count is exact only on its last page, so an
    /// estimate past the end is corrected from the 400's reason ("the log has N pages").
    /// </summary>
    private static async Task<(int After, List<double> Times)> TimePageAsync(SandboxServer sandbox, string runId, int after, int repeat)
    {
        var times = new List<double>();
        while (times.Count < repeat)
        {
            var started = Stopwatch.GetTimestamp();
            var payload = RequestPayloads.PipelineLogs(Runs.PipelineFqn(0), runId, after.ToString(CultureInfo.InvariantCulture));
            var result = await (await sandbox.ControlPlane.SubmitAsync(AgentId, MessageTypes.PipelineLogs, payload)).WaitAsync(CancellationToken.None);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var answer = result.Payload.Deserialize(ProtocolJsonContext.Default.ResultPayload)!;
            if (answer.Code == 400 && times.Count == 0 && answer.Reason?.Split("the log has ") is [_, var count])
            {
                after = int.Parse(count.Split(' ')[0], CultureInfo.InvariantCulture) - 1;
                continue;
            }

            if (!answer.Ok)
            {
                throw new InvalidOperationException($"pipeline.logs after={after} answered {answer.Code}: {answer.Reason}");
            }

            times.Add(elapsed);
        }

        return (after, times);
    }
}
