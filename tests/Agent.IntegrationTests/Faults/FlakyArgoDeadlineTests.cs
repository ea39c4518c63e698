using Agent.IntegrationTests.ControlPlane;
using Agent.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Agent.IntegrationTests.Faults;

/// <summary>
/// With Argo answering 503 to 30 % of calls and adding latency spikes, every <c>pipeline.run</c> that carries a
/// deadline is still answered 200 before that deadline, and each run id gets exactly one workflow.
/// </summary>
public sealed class FlakyArgoDeadlineTests(ITestOutputHelper output)
{
    private const int Runs = 20;
    private static readonly TimeSpan DeadlineAfter = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task PipelineRun_Argo503AndLatencySpikes_AnsweredOkWithinItsDeadlineWithOneWorkflowEach()
    {
        await using var rig = await AgentRig.StartAsync(LinkSignals.NewAgentId("flaky-deadline"));
        rig.Faults.Configure(new() { ErrorRate = 0.3, LatencyMs = 20, SpikeRate = 0.2, SpikeMs = 1500, Seed = 4242 });
        var runIds = Enumerable.Range(0, Runs).Select(_ => Guid.NewGuid().ToString()).ToList();

        var answers = await Task.WhenAll(runIds.Select(runId => DeadlineRuns.SendAsync(rig, runId, DeadlineAfter)));

        var counts = rig.Faults.Counts;
        rig.Faults.Clear();
        var slack = answers.Min(a => a.Deadline - a.AnsweredAt);
        output.WriteLine(
            $"{counts.Errors} injected 503s, {counts.Delayed} delayed calls, {ArgoCounts.CreateCalls(rig.Emulator)} create calls for {Runs} runs; " +
            $"slowest answer {answers.Max(a => a.Elapsed).TotalMilliseconds:F0} ms, least slack before the deadline {slack.TotalMilliseconds:F0} ms");
        Assert.True(counts.Errors > 0, "no 503 was injected");
        Assert.True(counts.Delayed > 0, "no latency was injected");
        Assert.All(answers, a => Assert.True(a.Result.Ok && a.Result.Code == 200, $"{a.RunId}: {a.Result.Code} {a.Result.Reason}"));
        Assert.All(answers, a => Assert.True(a.AnsweredAt <= a.Deadline, $"{a.RunId}: answered {(a.AnsweredAt - a.Deadline).TotalMilliseconds:F0} ms after its deadline"));
        var perRun = ArgoCounts.WorkflowsPerRun(rig.Emulator);
        Assert.Equal(runIds.Order(StringComparer.Ordinal), perRun.Keys.Order(StringComparer.Ordinal));
        Assert.All(perRun, pair => Assert.Equal(1, pair.Value));
    }
}
