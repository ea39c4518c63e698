using System.Text;
using System.Text.Json;
using Agent.Core.Logs;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.Infrastructure;
using Agent.Sandbox.ControlPlane.Api;

namespace Agent.IntegrationTests.Runs;

/// <summary>pipeline.status and pipeline.logs as the control plane sees them, against the emulator's state.</summary>
public sealed class StatusAndLogsTests
{
    [Fact]
    public async Task PipelineStatus_ThreeRunsInDifferentSeconds_ListsThemNewestFirst()
    {
        await using var rig = await AgentRig.StartAsync("status-agent");

        await AssertThreeRunsListedNewestFirstAsync(rig);
    }

    [Fact]
    public async Task PipelineLogs_LogOverThreeChunksWithMultiByteBorders_PagesWithAfterUntilWholeLog()
    {
        await using var rig = await AgentRig.StartAsync("logs-agent");
        var runId = Guid.NewGuid().ToString();
        var workflowName = await rig.StartRunAsync(runId);
        await rig.WaitForStateAsync(runId, PipelineStates.Success);
        // 4-byte characters (one emoji = 2 UTF-16 units) everywhere, after an ASCII line sized so that the first page
        // border lands inside a character.
        var book = rig.Emulator.GetPodLog(AgentRig.Namespace, workflowName, out _);
        rig.Faults.AppendPodLog(AgentRig.Namespace, workflowName, MultiByteLines(book.Read(0).Lines));
        var whole = WholeLog(book.Read(0).Lines);

        await AssertPagesAreWholeLogAsync(rig, runId, whole);
    }

    [Fact]
    public async Task PipelineLogs_PodsDeleted_AnswersNoLongerAvailable()
    {
        await using var rig = await AgentRig.StartAsync("logs-gone-agent");
        var runId = Guid.NewGuid().ToString();
        var workflowName = await rig.StartRunAsync(runId);
        await rig.WaitForStateAsync(runId, PipelineStates.Success);
        var before = await rig.SendAsync(MessageTypes.PipelineLogs, RequestPayloads.PipelineLogs(AgentRig.PipelineFqn, runId));
        Assert.True(before.Ok, before.Reason);

        rig.Emulator.DeletePods(AgentRig.Namespace, workflowName);
        var answer = await rig.SendAsync(MessageTypes.PipelineLogs, RequestPayloads.PipelineLogs(AgentRig.PipelineFqn, runId));

        Assert.Equal(404, answer.Code);
        Assert.Contains("no longer available", answer.Reason, StringComparison.Ordinal);
    }

    /// <summary>Starts three runs, each in a new second, and checks <c>pipeline.status</c> lists them newest first; returns their ids.</summary>
    internal static async Task<List<string>> AssertThreeRunsListedNewestFirstAsync(AgentRig rig)
    {
        var runIds = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            // Kubernetes creation timestamps have one-second resolution: start each run in a new second.
            await NextSecondAsync();
            runIds.Add(Guid.NewGuid().ToString());
            await rig.StartRunAsync(runIds[^1]);
        }

        var answer = await rig.SendAsync(MessageTypes.PipelineStatus, RequestPayloads.PipelineFqn(AgentRig.PipelineFqn));

        Assert.True(answer.Ok, answer.Reason);
        var statuses = answer.Data!.Value.Deserialize(ProtocolJsonContext.Default.PipelineStatusesData)!.Statuses;
        Assert.Equal(Enumerable.Reverse(runIds), statuses.Select(s => s.RunId));
        Assert.All(statuses, s => Assert.Equal(AgentRig.PipelineFqn, s.PipelineFqn));
        return runIds;
    }

    /// <summary>
    /// A padding line, then 800 lines of 4-byte characters, to append after <paramref name="existing"/> so that the first
    /// page border lands inside a character, where a naive byte split would cut it.
    /// </summary>
    internal static List<string> MultiByteLines(IEnumerable<string> existing)
    {
        var emojiLine = string.Concat(Enumerable.Repeat("😀", 1_000));
        var prefix = WholeLog(existing);
        var padding = Enumerable.Range(1, 8).Select(n => new string('p', n))
            .First(pad => IsContinuationAtBorder(prefix + pad + "\n", emojiLine));
        return [padding, .. Enumerable.Repeat(emojiLine, 800)];
    }

    /// <summary>The log as the API serves it: each line ended by a newline.</summary>
    internal static string WholeLog(IEnumerable<string> lines) => string.Concat(lines.Select(line => line + "\n"));

    /// <summary>
    /// Pages through <c>pipeline.logs</c> with <c>after</c>: the log spans more than three pages with the first border
    /// inside a character, and the pages are whole characters that add up to the whole log.
    /// </summary>
    internal static async Task AssertPagesAreWholeLogAsync(AgentRig rig, string runId, string whole)
    {
        var bytes = Encoding.UTF8.GetBytes(whole);
        Assert.True(bytes.Length > 3 * LogPager.ChunkBytes);
        Assert.Equal(0x80, bytes[LogPager.ChunkBytes] & 0xC0);
        var pages = new List<string>();
        string? after = null;
        do
        {
            var answer = await rig.SendAsync(MessageTypes.PipelineLogs, RequestPayloads.PipelineLogs(AgentRig.PipelineFqn, runId, after));
            Assert.True(answer.Ok, answer.Reason);
            var page = answer.Data!.Value.Deserialize(ProtocolJsonContext.Default.DictionaryStringString)!;
            pages.Add(page["ingestion_task"]);
            Assert.Equal(pages.Count - 1, after is null ? 0 : int.Parse(after, System.Globalization.CultureInfo.InvariantCulture));
            after = page.GetValueOrDefault("after");
        }
        while (after is not null && pages.Count < 10);

        Assert.True(pages.Count > 3, $"only {pages.Count} pages");
        Assert.All(pages, page =>
        {
            Assert.DoesNotContain('\uFFFD', page);
            Assert.False(char.IsHighSurrogate(page[^1]), "a page ends in half a character");
            Assert.True(Encoding.UTF8.GetByteCount(page) <= LogPager.ChunkBytes);
        });
        Assert.Equal(whole, string.Concat(pages));
    }

    /// <summary>Whether, after <paramref name="prefix"/>, byte <see cref="LogPager.ChunkBytes"/> falls inside a character.</summary>
    private static bool IsContinuationAtBorder(string prefix, string line)
    {
        var offset = LogPager.ChunkBytes - Encoding.UTF8.GetByteCount(prefix);
        var inLine = offset % (Encoding.UTF8.GetByteCount(line) + 1);
        return inLine < Encoding.UTF8.GetByteCount(line) && inLine % 4 != 0;
    }

    /// <summary>Kubernetes creation timestamps have one-second resolution: runs started in different seconds sort.</summary>
    internal static Task NextSecondAsync()
    {
        var now = DateTimeOffset.UtcNow;
        return Task.Delay(TimeSpan.FromMilliseconds(1_000 - now.Millisecond + 20));
    }
}
