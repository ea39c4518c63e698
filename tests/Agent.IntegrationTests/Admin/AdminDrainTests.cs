using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agent.Core.Link;
using Agent.IntegrationTests.ControlPlane;
using Agent.IntegrationTests.Infrastructure;

namespace Agent.IntegrationTests.Admin;

/// <summary>POST /admin/drain is undone by DELETE /admin/drain, survives a reconnect, and shows in the connection view and /metrics.</summary>
public sealed class AdminDrainTests
{
    private const string DrainingGauge = "collate_hybrid_agent_draining";

    [Fact]
    public async Task Undrain_AfterDrainAndReconnect_RunRefusedThenAcceptedAndDrainingShownThenCleared()
    {
        await using var rig = await AgentRig.StartAsync(LinkSignals.NewAgentId("undrain"));
        var cancellation = rig.Cancellation;
        using var admin = rig.Agent.CreateAdminClient();
        using var infra = rig.Agent.CreateInfraClient();
        Assert.Equal(0, await GaugeAsync(infra, cancellation));

        var drain = await admin.PostAsync("/admin/drain", null, cancellation);
        var drained = await admin.GetFromJsonAsync<JsonElement>("/admin/connection", cancellation);
        var gaugeWhileDrained = await GaugeAsync(infra, cancellation);

        // A reconnect neither clears the drain nor loses it.
        var session = rig.ControlPlane.WaitForDisconnectAsync(rig.Agent.AgentId, cancellation);
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync("/admin/connection/reconnect", null, cancellation)).StatusCode);
        await session;
        await LinkSignals.WaitForStateAsync(rig.Agent, s => s.Status == ConnectionStatus.Connected, cancellation);
        await rig.ControlPlane.WaitForAgentAsync(rig.Agent.AgentId, cancellation);
        var (refused, _) = await rig.RunAsync(Guid.NewGuid().ToString());

        var undrain = await admin.DeleteAsync("/admin/drain", cancellation);
        var undrained = await admin.GetFromJsonAsync<JsonElement>("/admin/connection", cancellation);
        var gaugeAfter = await GaugeAsync(infra, cancellation);
        var ready = await infra.GetAsync("/ready", cancellation);
        var (accepted, workflowName) = await rig.RunAsync(Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.Accepted, drain.StatusCode);
        Assert.True(drained.GetProperty("draining").GetBoolean());
        Assert.Equal(JsonValueKind.String, drained.GetProperty("drainingSince").ValueKind);
        Assert.Equal(1, gaugeWhileDrained);
        Assert.Equal(503, refused.Code);
        Assert.Contains("DELETE /admin/drain", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, undrain.StatusCode);
        Assert.False((await undrain.Content.ReadFromJsonAsync<JsonElement>(cancellation)).GetProperty("draining").GetBoolean());
        Assert.False(undrained.GetProperty("draining").GetBoolean());
        Assert.Equal(JsonValueKind.Null, undrained.GetProperty("drainingSince").ValueKind);
        Assert.Equal(0, gaugeAfter);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.True(accepted.Ok, accepted.Reason);
        Assert.Single(rig.Emulator.ListWorkflows(), workflow => (string?)workflow["metadata"]!["name"] == workflowName);
    }

    internal static async Task<double?> GaugeAsync(HttpClient infra, CancellationToken cancellationToken) =>
        MetricsText.Sample(await infra.GetStringAsync("/metrics", cancellationToken), DrainingGauge);
}
