using Agent.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Agent.IntegrationTests.Argo;

/// <summary>With Argo answering 503 to 30 % of calls, no pipeline.run is lost and none runs twice.</summary>
public sealed class ArgoFaultToleranceTests(ITestOutputHelper output)
{
    private const int Runs = 30;

    [Theory]
    [InlineData("errors-before", 0.3, 0.0)]
    [InlineData("lost-answers", 0.0, 0.3)]
    public async Task PipelineRun_ThirtyPercentArgo503_AnswersEveryRunOkWithOneWorkflowEach(string mode, double errorRate, double lostRate)
    {
        await using var rig = await AgentRig.StartAsync("flaky-" + mode);
        rig.Faults.Configure(new() { ErrorRate = errorRate, LostResponseRate = lostRate, Seed = 1234 });
        var runIds = Enumerable.Range(0, Runs).Select(_ => Guid.NewGuid().ToString()).ToList();

        var answers = new List<(string RunId, int Code, string? Reason)>();
        foreach (var batch in runIds.Chunk(5))
        {
            var results = await Task.WhenAll(batch.Select(async runId => (runId, await rig.RunAsync(runId))));
            answers.AddRange(results.Select(r => (r.runId, r.Item2.Result.Code, r.Item2.Result.Reason)));
        }

        var counts = rig.Faults.Counts;
        var creates = rig.Recorder.Requests.Count(r => r.Method == "POST");
        output.WriteLine($"{mode}: {counts.Errors} injected 503s, {counts.LostResponses} lost answers, {creates} create calls for {Runs} runs");
        rig.Faults.Clear();
        Assert.All(answers, a => Assert.True(a.Code == 200, $"{a.RunId}: {a.Code} {a.Reason}"));
        Assert.True(counts.Errors + counts.LostResponses > 0);
        var workflows = rig.Emulator.ListWorkflows(AgentRig.Namespace)
            .GroupBy(w => (string?)w["metadata"]!["labels"]!["hybrid-agent/run-id"]).ToList();
        Assert.Equal(runIds.Order(), workflows.Select(g => g.Key!).Order());
        Assert.All(workflows, g => Assert.Single(g));
    }
}
