using System.Net.Http.Json;
using System.Text.Json;
using Agent.Core.Link;
using Agent.IntegrationTests.ControlPlane;
using Agent.IntegrationTests.Infrastructure;

namespace Agent.IntegrationTests.Admin;

/// <summary>
/// A forced reconnect is always shown as the operator's, never as a plain "connection ended": the session records
/// its reason before it cancels its loops. Cancelling first let the loops end the session on the admin request's
/// own thread, before the reason was written (found by the Kubernetes twin of <c>AdminReconnectTests</c>, about one
/// run in four); repeated here, with a reliable message in flight each time, so the race has many chances.
/// </summary>
public sealed class AdminReconnectReasonTests
{
    private const int Reconnects = 20;

    [Fact]
    public async Task Reconnect_PostedRepeatedlyWithMessagesInFlight_EveryCloseReasonIsTheOperators()
    {
        await using var rig = await AgentRig.StartAsync(
            LinkSignals.NewAgentId("reconnect-reason"), agentOverrides: new Dictionary<string, string?> { ["ControlPlane:ReconnectDelaySeconds"] = "1" });
        var (server, agent, cancellation) = (rig.ControlPlane, rig.Agent, rig.Cancellation);
        using var admin = agent.CreateAdminClient();
        var reasons = new List<string?>();

        for (var i = 0; i < Reconnects; i++)
        {
            await server.WaitForAgentAsync(agent.AgentId, cancellation);
            await ReliableMessages.EnqueueStatusAsync(agent, Guid.NewGuid().ToString(), cancellation);
            var disconnected = server.WaitForDisconnectAsync(agent.AgentId, cancellation);
            (await admin.PostAsync("/admin/connection/reconnect", null, cancellation)).EnsureSuccessStatusCode();
            await disconnected;
            await LinkSignals.WaitForStateAsync(agent, s => s.Status == ConnectionStatus.Connected && s.ReconnectCount == i + 1, cancellation);
            var connection = await admin.GetFromJsonAsync<JsonElement>("/admin/connection", cancellation);
            reasons.Add(connection.GetProperty("lastCloseReason").GetString());
        }

        Assert.All(reasons, reason => Assert.Equal("reconnect requested by an operator", reason));
    }
}
