using Agent.Core.Link;
using Agent.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Agent.IntegrationTests.ControlPlane;

/// <summary>After a reconnect the agent resends exactly what <c>welcome.ackedSeq</c> says the server lacks, in order (protocol §3–4).</summary>
public sealed class ResumeTests
{
    private const int RefusedForNow = 4000;

    [Fact]
    public async Task Resume_AcksWithheldAndLinkDropped_ResendsOnlyUnprocessedSeqsInOrder()
    {
        var cancellation = TestTimeouts.Token();
        await using var rig = await AgentRig.StartAsync(
            LinkSignals.NewAgentId("resume"), agentOverrides: new Dictionary<string, string?> { ["ControlPlane:ReconnectDelaySeconds"] = "1" });
        var (server, agent, first) = (rig.ControlPlane, rig.Agent, rig.Welcomed);
        var outbox = agent.Services.GetRequiredService<ReliableOutbox>();

        // Three messages the server processes but never acknowledges.
        await server.SetWithholdAcksAsync(agent.AgentId, true);
        var processed = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            processed.Add(Guid.NewGuid().ToString());
            await ReliableMessages.EnqueueStatusAsync(agent, processed[^1], cancellation);
        }

        await server.WaitForStatusAsync(s => s.RunId == processed[^1], cancellation);
        Assert.Equal(3, outbox.Depth);

        // Drop the link and keep the agent out while three more are produced.
        server.Refuse(agent.AgentId, RefusedForNow);
        Assert.True(server.Drop(agent.AgentId));
        await LinkSignals.WaitForStateAsync(agent, s => s.LastCloseCode == RefusedForNow, cancellation);
        var produced = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            produced.Add(Guid.NewGuid().ToString());
            await ReliableMessages.EnqueueStatusAsync(agent, produced[^1], cancellation);
        }

        Assert.Equal(6, outbox.Depth);
        server.Refuse(agent.AgentId, 0);
        var second = await server.WaitForAgentAsync(agent.AgentId, cancellation);
        await server.WaitForStatusAsync(s => s.RunId == produced[^1], cancellation);

        Assert.NotEqual(first.SessionId, second.SessionId);
        Assert.Equal(6, server.GetAckedSeq(second.InstanceId));

        // welcome.ackedSeq = 3 released the first three; the resent three still wait for their ack.
        Assert.Equal(3, outbox.Depth);
        var statuses = server.GetStatuses(agentId: agent.AgentId);
        Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L], statuses.Select(s => s.Seq!.Value));
        Assert.Equal([.. processed, .. produced], statuses.Select(s => s.Status.RunId));
        var stats = server.Stats.Snapshot();
        Assert.Equal(0, stats.Duplicates);
        Assert.Equal(0, stats.ProtocolViolations);

        await server.SetWithholdAcksAsync(agent.AgentId, false);
        await LinkSignals.UntilAsync(() => outbox.Depth == 0, cancellation);
    }
}
