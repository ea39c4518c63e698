using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.Infrastructure;
using Agent.Sandbox.ControlPlane.Api;

namespace Agent.IntegrationTests.Kubernetes.Runs;

/// <summary>
/// Twin of the run-showing parts of <c>AdminApiTests</c> on the Kubernetes executor: <c>GET /admin/jobs</c> lists the
/// runs the agent tracks, finished and in flight, by pipeline and state with paging; a drained agent starts no Job.
/// </summary>
public sealed class KubernetesAdminJobsTests
{
    [Fact]
    public async Task Jobs_FinishedAndInFlightRuns_FilterByPipelineAndStateWithPaging()
    {
        await using var rig = await AgentRig.StartKubernetesAsync("k8s-admin-jobs", KubeRuns.LongRuns);
        var runs = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid().ToString()).ToList();
        foreach (var runId in runs)
        {
            var jobName = await rig.StartRunAsync(runId, "svc.jobs");
            await rig.Kube.ForcePhaseAsync(jobName, "Succeeded", cancellationToken: rig.Cancellation);
        }

        var inFlight = Guid.NewGuid().ToString();
        var inFlightJob = await rig.StartRunAsync(inFlight, "svc.other");
        foreach (var runId in runs)
        {
            await rig.WaitForStateAsync(runId, PipelineStates.Success);
        }

        await rig.WaitForStateAsync(inFlight, PipelineStates.Running);
        using var admin = rig.Agent.CreateAdminClient();

        var page = await admin.GetFromJsonAsync<JsonElement>("/admin/jobs?pipeline=svc.jobs&state=success&page=1&pageSize=2", rig.Cancellation);
        var one = await admin.GetFromJsonAsync<JsonElement>($"/admin/jobs/{runs[0]}", rig.Cancellation);
        var running = await admin.GetFromJsonAsync<JsonElement>("/admin/jobs?state=running", rig.Cancellation);

        Assert.Equal(3, page.GetProperty("total").GetInt32());
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
        Assert.All(page.GetProperty("items").EnumerateArray(), item => Assert.Equal("svc.jobs", item.GetProperty("pipelineFqn").GetString()));
        Assert.Equal("success", one.GetProperty("state").GetString());
        Assert.Equal(KubeRuns.JobName(runs[0]), one.GetProperty("workflowName").GetString());
        var shown = Assert.Single(running.GetProperty("items").EnumerateArray());
        Assert.Equal(inFlight, shown.GetProperty("runId").GetString());
        Assert.Equal(inFlightJob, shown.GetProperty("workflowName").GetString());
        Assert.NotNull(rig.Kube.Job(inFlightJob));
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/admin/jobs?pageSize=100000", rig.Cancellation)).StatusCode);
    }

    [Fact]
    public async Task Drain_Posted_NewRunsAreRefusedAndNoJobIsCreated()
    {
        await using var rig = await AgentRig.StartKubernetesAsync("k8s-admin-drain");
        using var admin = rig.Agent.CreateAdminClient();

        var drain = await admin.PostAsync("/admin/drain", null, rig.Cancellation);
        var answer = await rig.SendAsync(MessageTypes.PipelineRun, RequestPayloads.PipelineRun("svc.drained"));

        Assert.Equal(HttpStatusCode.Accepted, drain.StatusCode);
        Assert.Equal(503, answer.Code);
        Assert.Empty(rig.Kube.Jobs());
        Assert.Empty(rig.Kube.Secrets());
    }
}
