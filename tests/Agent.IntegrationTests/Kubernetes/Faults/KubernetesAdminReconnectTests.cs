using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agent.Core.Link;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.ControlPlane;
using Agent.IntegrationTests.Faults;
using Agent.IntegrationTests.Infrastructure;
using Agent.Sandbox.ControlPlane.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Agent.IntegrationTests.Kubernetes.Faults;

/// <summary>
/// Twin of <c>AdminReconnectTests</c> on the Kubernetes executor, with runs in flight: a forced reconnect ends the
/// session, the agent is back at once with the same instance, its hello lists the running Jobs' runs, and their ends
/// (one success, one failure) are each reported once over the new session; no run gets a second Job.
/// </summary>
public sealed class KubernetesAdminReconnectTests
{
    [Fact]
    public async Task Reconnect_PostedWithJobsRunning_NewSessionListsThemAndReportsEachEndOnce()
    {
        await using var rig = await AgentRig.StartKubernetesAsync(
            LinkSignals.NewAgentId("k8s-admin-reconnect"),
            LongRunningJobs.Settings(),
            new Dictionary<string, string?> { ["Kubernetes:BackoffLimit"] = "0" });
        var (server, agent, cancellation, first) = (rig.ControlPlane, rig.Agent, rig.Cancellation, rig.Welcomed);
        using var admin = agent.CreateAdminClient();
        var (succeeds, fails) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        var jobs = new[] { await rig.StartRunAsync(succeeds), await rig.StartRunAsync(fails) };
        await rig.WaitForStateAsync(succeeds, PipelineStates.Running);
        await rig.WaitForStateAsync(fails, PipelineStates.Running);
        var disconnected = server.WaitForDisconnectAsync(agent.AgentId, cancellation);

        var reconnect = await admin.PostAsync("/admin/connection/reconnect", null, cancellation);
        await disconnected;
        var second = await server.WaitForAgentAsync(agent.AgentId, cancellation);
        var hello = server.GetAgent(agent.AgentId).LastHello!;
        var answer = await server.SendRequestAsync(agent.AgentId, MessageTypes.ServiceStatus, RequestPayloads.Empty(), cancellation);
        var connection = await admin.GetFromJsonAsync<JsonElement>("/admin/connection", cancellation);
        await rig.Kube.ForcePhaseAsync(jobs[0], "Succeeded", cancellationToken: cancellation);
        await rig.Kube.ForcePhaseAsync(jobs[1], "Failed", exitCode: 1, cancellation);
        var succeeded = await rig.WaitForStateAsync(succeeds, PipelineStates.Success);
        var failed = await rig.WaitForStateAsync(fails, PipelineStates.Failed);
        await LinkSignals.UntilAsync(() => agent.Services.GetRequiredService<ReliableOutbox>().Depth == 0, cancellation);

        Assert.Equal(HttpStatusCode.Accepted, reconnect.StatusCode);
        Assert.NotEqual(first.SessionId, second.SessionId);
        Assert.Equal(first.InstanceId, second.InstanceId);
        Assert.Equal(200, answer.Payload.GetProperty("code").GetInt32());
        Assert.Equal("Kubernetes", answer.Payload.GetProperty("data").GetProperty("platform").GetString());
        Assert.Equal("Connected", connection.GetProperty("status").GetString());
        Assert.True(connection.GetProperty("reconnectCount").GetInt32() >= 1);
        Assert.Contains("reconnect requested by an operator", connection.GetProperty("lastCloseReason").GetString(), StringComparison.Ordinal);
        Assert.Equal(
            new[] { succeeds, fails }.Order(StringComparer.Ordinal),
            hello.Inventory.Where(run => run.PipelineState == PipelineStates.Running).Select(run => run.RunId).Order(StringComparer.Ordinal));
        Assert.All(new[] { succeeded, failed }, status => Assert.Equal(first.InstanceId, status.InstanceId));
        ServerRuns.AssertEachEndedOnce(server, agent.AgentId, [succeeds, fails]);
        Assert.Equal(0, server.Stats.Snapshot().ProtocolViolations);
        Assert.Equal(0, server.Stats.Snapshot().Duplicates);
        Assert.All(rig.Kube.JobsPerRun(), pair => Assert.Equal(1, pair.Value));
        Assert.Equal(2, rig.Kube.JobsPerRun().Count);
    }
}
