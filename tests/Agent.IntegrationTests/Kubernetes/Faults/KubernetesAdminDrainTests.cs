using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agent.Core.Link;
using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.Admin;
using Agent.IntegrationTests.ControlPlane;
using Agent.IntegrationTests.Faults;
using Agent.IntegrationTests.Infrastructure;

namespace Agent.IntegrationTests.Kubernetes.Faults;

/// <summary>
/// Twin of <c>AdminDrainTests</c> on the Kubernetes executor: POST /admin/drain is undone by DELETE /admin/drain and
/// survives a reconnect; while drained a run is refused and makes no Job, while a Job already running goes on and its
/// end is still reported; after the undrain a run makes its Job.
/// </summary>
public sealed class KubernetesAdminDrainTests
{
    [Fact]
    public async Task Undrain_AfterDrainAndReconnectWithAJobRunning_RunRefusedThenAcceptedAndTheRunningJobReported()
    {
        await using var rig = await AgentRig.StartKubernetesAsync(
            LinkSignals.NewAgentId("k8s-undrain"),
            LongRunningJobs.Settings());
        var cancellation = rig.Cancellation;
        using var admin = rig.Agent.CreateAdminClient();
        using var infra = rig.Agent.CreateInfraClient();
        var running = Guid.NewGuid().ToString();
        var runningJob = await rig.StartRunAsync(running);
        await rig.WaitForStateAsync(running, PipelineStates.Running);

        var drain = await admin.PostAsync("/admin/drain", null, cancellation);
        var drained = await admin.GetFromJsonAsync<JsonElement>("/admin/connection", cancellation);
        var gaugeWhileDrained = await AdminDrainTests.GaugeAsync(infra, cancellation);

        // A reconnect neither clears the drain nor loses it, nor the run in flight.
        var session = rig.ControlPlane.WaitForDisconnectAsync(rig.Agent.AgentId, cancellation);
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync("/admin/connection/reconnect", null, cancellation)).StatusCode);
        await session;
        await LinkSignals.WaitForStateAsync(rig.Agent, s => s.Status == ConnectionStatus.Connected, cancellation);
        await rig.ControlPlane.WaitForAgentAsync(rig.Agent.AgentId, cancellation);
        var refusedRun = Guid.NewGuid().ToString();
        var (refused, _) = await rig.RunAsync(refusedRun);
        await rig.Kube.ForcePhaseAsync(runningJob, "Succeeded", cancellationToken: cancellation);
        var endedWhileDrained = await rig.WaitForStateAsync(running, PipelineStates.Success);

        var undrain = await admin.DeleteAsync("/admin/drain", cancellation);
        var undrained = await admin.GetFromJsonAsync<JsonElement>("/admin/connection", cancellation);
        var gaugeAfter = await AdminDrainTests.GaugeAsync(infra, cancellation);
        var ready = await infra.GetAsync("/ready", cancellation);
        var acceptedRun = Guid.NewGuid().ToString();
        var (accepted, jobName) = await rig.RunAsync(acceptedRun);

        Assert.Equal(HttpStatusCode.Accepted, drain.StatusCode);
        Assert.True(drained.GetProperty("draining").GetBoolean());
        Assert.Equal(1, gaugeWhileDrained);
        Assert.Equal(503, refused.Code);
        Assert.Contains("DELETE /admin/drain", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(rig.ControlPlane.GetAgent(rig.Agent.AgentId).LastHello!.InstanceId, endedWhileDrained.InstanceId);
        Assert.Equal(HttpStatusCode.OK, undrain.StatusCode);
        Assert.False(undrained.GetProperty("draining").GetBoolean());
        Assert.Equal(0, gaugeAfter);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.True(accepted.Ok, accepted.Reason);

        // The refused run reached no apiserver; the others have one Job each, the accepted one under the name answered.
        var jobs = rig.Kube.JobsPerRun();
        Assert.False(jobs.ContainsKey(refusedRun));
        Assert.Equal(1, jobs[running]);
        Assert.Equal(1, jobs[acceptedRun]);
        Assert.NotNull(rig.Kube.Job(jobName!));
        ServerRuns.AssertEachEndedOnce(rig.ControlPlane, rig.Agent.AgentId, [running]);
    }
}
