using Agent.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Agent.IntegrationTests.Kubernetes.Faults;

/// <summary>
/// Twin of <c>ArgoFaultToleranceTests</c> on the Kubernetes executor: with the API server answering 503 to 30 % of
/// calls (before acting, or after acting with the answer lost), no pipeline.run is lost and each run id gets exactly
/// one Job: the client's retries replay creates, and a replayed Job create meets 409 AlreadyExists.
/// </summary>
public sealed class FlakyKubernetesFaultToleranceTests(ITestOutputHelper output)
{
    private const int Runs = 30;

    [Theory]
    [InlineData("errors-before", 0.3, 0.0)]
    [InlineData("lost-answers", 0.0, 0.3)]
    public async Task PipelineRun_ThirtyPercentApi503_AnswersEveryRunOkWithOneJobEach(string mode, double errorRate, double lostRate)
    {
        await using var rig = await AgentRig.StartKubernetesAsync("k8s-flaky-" + mode, timeout: TimeSpan.FromSeconds(120));
        rig.KubeFaults().Configure(new() { ErrorRate = errorRate, LostResponseRate = lostRate, Seed = 1234 });
        var runIds = Enumerable.Range(0, Runs).Select(_ => Guid.NewGuid().ToString()).ToList();

        var answers = new List<(string RunId, int Code, string? Reason)>();
        foreach (var batch in runIds.Chunk(5))
        {
            var results = await Task.WhenAll(batch.Select(async runId => (runId, await rig.RunAsync(runId))));
            answers.AddRange(results.Select(r => (r.runId, r.Item2.Result.Code, r.Item2.Result.Reason)));
        }

        var counts = rig.KubeFaults().Counts;
        rig.KubeFaults().Clear();
        output.WriteLine($"{mode}: {counts.Errors} injected 503s, {counts.LostResponses} lost answers, {counts.Of("create", "jobs")} Job creates for {Runs} runs");
        Assert.All(answers, a => Assert.True(a.Code == 200, $"{a.RunId}: {a.Code} {a.Reason}"));
        Assert.True(counts.Errors + counts.LostResponses > 0);
        Assert.True(counts.Of("create", "jobs") > Runs, "no Job create was replayed");
        var perRun = rig.Kube.JobsPerRun();
        Assert.Equal(runIds.Order(StringComparer.Ordinal), perRun.Keys.Order(StringComparer.Ordinal));
        Assert.All(perRun, pair => Assert.Equal(1, pair.Value));
    }
}
