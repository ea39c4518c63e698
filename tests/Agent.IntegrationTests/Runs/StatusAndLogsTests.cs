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
    }

    [Fact]
    public async Task PipelineLogs_LogOverThreeChunksWithMultiByteBorders_PagesWithAfterUntilWholeLog()
    {
        await using var rig = await AgentRig.StartAsync("logs-agent");
        var runId = Guid.NewGuid().ToString();
        var workflowName = await rig.StartRunAsync(runId);
        await rig.WaitForStateAsync(runId, PipelineStates.Success);
        // 4-byte characters (one emoji = 2 UTF-16 units) everywhere, after an ASCII line sized so that the first page
        // border lands inside a character, where a naive byte split would cut it.
        var book = rig.Emulator.GetPodLog(AgentRig.Namespace, workflowName, out _);
        var emojiLine = string.Concat(Enumerable.Repeat("😀", 1_000));
        var existing = string.Concat(book.Read(0).Lines.Select(line => line + "\n"));
        var padding = Enumerable.Range(1, 8).Select(n => new string('p', n))
            .First(pad => IsContinuationAtBorder(existing + pad + "\n", emojiLine));
        rig.Faults.AppendPodLog(AgentRig.Namespace, workflowName, [padding, .. Enumerable.Repeat(emojiLine, 800)]);
        var whole = string.Concat(book.Read(0).Lines.Select(line => line + "\n"));
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

    /// <summary>Whether, after <paramref name="prefix"/>, byte <see cref="LogPager.ChunkBytes"/> falls inside a character.</summary>
    private static bool IsContinuationAtBorder(string prefix, string line)
    {
        var offset = LogPager.ChunkBytes - Encoding.UTF8.GetByteCount(prefix);
        var inLine = offset % (Encoding.UTF8.GetByteCount(line) + 1);
        return inLine < Encoding.UTF8.GetByteCount(line) && inLine % 4 != 0;
    }

    private static Task NextSecondAsync()
    {
        var now = DateTimeOffset.UtcNow;
        return Task.Delay(TimeSpan.FromMilliseconds(1_000 - now.Millisecond + 20));
    }
}
