using System.Globalization;
using System.Text;
using System.Text.Json;
using Agent.Core.Logs;
using Agent.Core.Operations.Handlers;
using Agent.Core.Protocol;
using Agent.Tests.Argo.Fakes;
using Agent.Tests.Logs;

namespace Agent.Tests.Operations.Handlers;

/// <summary><c>pipeline.logs</c> through the agent's real Argo client against an Argo-shaped fake server.</summary>
public sealed class PipelineLogsHandlerTests
{
    internal const string Workflow = "om-run-abc";

    // Argo v2 pod names (workflow/util/pod_name.go): <wf>-<template>-<FNV-1a 32 of the node name>, computed independently.
    internal const string FirstAttemptPod = "om-run-abc-ingestion-3357852079";
    internal const string LatestAttemptPod = "om-run-abc-ingestion-2888225842";
    private const string ExitHandlerPod = "om-run-abc-exit-handler-3837451735";

    private static readonly DateTimeOffset Created = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task HandleAsync_RetriedRunWithExitHandler_ReturnsOnlyTheLatestAttemptsMainContainer()
    {
        var argo = new FakeArgoHttpHandler();
        argo.AddWorkflow(FakeArgo.Workflow(Workflow, "run-1", "Succeeded", Created,
            FakeArgo.Node(Workflow, "Retry", "ingestion", "Succeeded"),
            FakeArgo.Node($"{Workflow}(0)", "Pod", "ingestion", "Failed", "main: Error (exit code 1)"),
            FakeArgo.Node($"{Workflow}(1)", "Pod", "ingestion", "Succeeded"),
            FakeArgo.Node($"{Workflow}.onExit", "Pod", "exit-handler", "Succeeded")));
        argo.AddPod(new FakePodLog(Workflow, FirstAttemptPod, "main", Lines("attempt 0", 3)));
        argo.AddPod(new FakePodLog(Workflow, LatestAttemptPod, "main", Lines("attempt 1", 3)));
        argo.AddPod(new FakePodLog(Workflow, LatestAttemptPod, "wait", Lines("wait container", 2)));
        argo.AddPod(new FakePodLog(Workflow, ExitHandlerPod, "main", Lines("exit handler", 2)));

        var page = await PageAsync(argo, after: null);

        Assert.Equal(string.Concat(Lines("attempt 1", 3).Select(line => line + "\n")), page["ingestion_task"]);
        Assert.Equal("1", page["total"]);
        Assert.False(page.ContainsKey("after"));
        var query = Assert.Single(argo.LogQueries);
        Assert.Contains($"podName={LatestAttemptPod}", query, StringComparison.Ordinal);
        Assert.Contains("logOptions.container=main", query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_FirstPageOf30MbLog_ReadsAboutOnePageFromArgo()
    {
        var (argo, pod) = ThirtyMegabyteRun();

        var page = await PageAsync(argo, after: null);

        Assert.Equal(LogPager.ChunkBytes, Encoding.UTF8.GetByteCount(page["ingestion_task"]));
        Assert.Equal("1", page["after"]);
        // The lines of one page as Argo frames them, plus what one 64 KiB read can bring beyond them (and a line of
        // slack): a fraction of the 30 MB log.
        var linesInPage = page["ingestion_task"].Count(c => c == '\n') + 1;
        Assert.InRange(argo.LogBytesServed, pod.LineStarts[linesInPage], pod.LineStarts[linesInPage + 1] + (64 * 1024));
        Assert.True(argo.LogBytesServed < pod.Ndjson.Length / 20, $"read {argo.LogBytesServed} of {pod.Ndjson.Length} bytes");
    }

    [Fact]
    public async Task HandleAsync_PagesThroughMultiByteLog_MatchesLogPagerSplitWithLowerBoundTotal()
    {
        var random = new Random(11);
        var lines = Enumerable.Range(0, 6_000).Select(_ => RandomText.Line(random, 500)).ToList();
        var whole = string.Concat(lines.Select(line => line + "\n"));
        var expected = WholeTextPager.Split(whole);
        Assert.True(expected.Count >= 4, $"only {expected.Count} pages");
        var argo = new FakeArgoHttpHandler();
        argo.AddWorkflow(FakeArgo.Workflow(Workflow, "run-1", "Succeeded", Created, FakeArgo.Node(Workflow, "Pod", "ingestion", "Succeeded")));
        argo.AddPod(new FakePodLog(Workflow, Workflow, "main", lines));

        for (var index = 0; index < expected.Count; index++)
        {
            var page = await PageAsync(argo, index == 0 ? null : index.ToString(CultureInfo.InvariantCulture));

            Assert.Equal(expected[index], page["ingestion_task"]);
            var last = index == expected.Count - 1;
            Assert.Equal((last ? expected.Count : index + 2).ToString(CultureInfo.InvariantCulture), page["total"]);
            Assert.Equal(last ? null : (index + 1).ToString(CultureInfo.InvariantCulture), page.GetValueOrDefault("after"));
        }
    }

    [Fact]
    public async Task HandleAsync_AfterBeyondTheLastPage_AnswersBadRequestWithThePageCount()
    {
        var argo = new FakeArgoHttpHandler();
        argo.AddWorkflow(FakeArgo.Workflow(Workflow, "run-1", "Succeeded", Created, FakeArgo.Node(Workflow, "Pod", "ingestion", "Succeeded")));
        argo.AddPod(new FakePodLog(Workflow, Workflow, "main", Lines("line", 10)));

        var result = await Handler(argo).HandleAsync(Request("3"), CancellationToken.None);

        Assert.Equal(400, result.Code);
        Assert.Contains("the log has 1 pages", result.Reason, StringComparison.Ordinal);
    }

    internal static (FakeArgoHttpHandler Argo, FakePodLog Pod) ThirtyMegabyteRun()
    {
        var argo = new FakeArgoHttpHandler();
        argo.AddWorkflow(FakeArgo.Workflow(Workflow, "run-1", "Running", Created, FakeArgo.Node(Workflow, "Pod", "ingestion", "Running")));
        var line = new string('x', 199);
        var pod = new FakePodLog(Workflow, Workflow, "main", Enumerable.Repeat(line, 30 * 1024 * 1024 / 200));
        argo.AddPod(pod);
        return (argo, pod);
    }

    internal static PipelineLogsHandler Handler(FakeArgoHttpHandler argo) =>
        new(ArgoExecutors.Over(FakeArgo.Client(argo), FakeArgo.AgentId));

    internal static Envelope Request(string? after) =>
        new(MessageTypes.PipelineLogs, Guid.NewGuid().ToString(), DateTimeOffset.UtcNow, JsonSerializer.SerializeToElement(
            new Dictionary<string, string?> { ["pipelineFqn"] = FakeArgo.PipelineFqn, ["runId"] = "run-1", ["after"] = after }));

    private static async Task<Dictionary<string, string>> PageAsync(FakeArgoHttpHandler argo, string? after)
    {
        var result = await Handler(argo).HandleAsync(Request(after), CancellationToken.None);
        Assert.True(result.Ok, result.Reason);
        return result.Data!.Value.Deserialize(ProtocolJsonContext.Default.DictionaryStringString)!;
    }

    private static IEnumerable<string> Lines(string prefix, int count) =>
        Enumerable.Range(0, count).Select(i => $"{prefix} line {i.ToString(CultureInfo.InvariantCulture)}");
}
