using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.Admin;
using Agent.IntegrationTests.ControlPlane;
using Agent.IntegrationTests.Infrastructure;
using Agent.Sandbox.ControlPlane.Api;

namespace Agent.IntegrationTests.Kubernetes.Runs;

/// <summary>
/// Twin of <c>AdminJobLogsTests</c> on the Kubernetes executor: <c>GET /admin/jobs/{runId}/logs</c> gives the page
/// <c>pipeline.logs</c> gives, read from the Job's pod, and the same 400/404 answers. A Job has no workflow status to
/// read transitions from, so <c>events</c> is empty by design (JobLogsEndpoint reads through the executor seam).
/// </summary>
public sealed class KubernetesAdminJobLogsTests
{
    [Fact]
    public async Task JobLogs_FinishedRun_SamePageAsPipelineLogsWithTheJobsNameAndNoEvents()
    {
        await using var rig = await AgentRig.StartKubernetesAsync(LinkSignals.NewAgentId("k8s-job-logs"));
        var runId = Guid.NewGuid().ToString();
        var jobName = await rig.StartRunAsync(runId);
        await rig.WaitForStateAsync(runId, PipelineStates.Success);
        using var admin = rig.Agent.CreateAdminClient();

        var view = await admin.GetFromJsonAsync<JsonElement>($"/admin/jobs/{runId}/logs", rig.Cancellation);
        var protocol = await rig.SendAsync(MessageTypes.PipelineLogs, RequestPayloads.PipelineLogs(AgentRig.PipelineFqn, runId));

        AdminJobLogsTests.AssertSamePage(view, protocol, runId, jobName);
        Assert.Equal(KubeRuns.JobName(runId), jobName);
        Assert.Equal(string.Concat(rig.PodLog(KubeObjects.Name(Assert.Single(rig.Kube.Pods(jobName)))).Select(line => line + "\n")), view.GetProperty("logs").GetString());
        Assert.Equal(0, view.GetProperty("events").GetArrayLength());
    }

    [Fact]
    public async Task JobLogs_PodDeleted_LogsSayWhy()
    {
        await using var rig = await AgentRig.StartKubernetesAsync(LinkSignals.NewAgentId("k8s-job-logs-gone"));
        var runId = Guid.NewGuid().ToString();
        var jobName = await rig.StartRunAsync(runId);
        await rig.WaitForStateAsync(runId, PipelineStates.Success);
        rig.DeletePod(KubeObjects.Name(Assert.Single(rig.Kube.Pods(jobName))));
        using var admin = rig.Agent.CreateAdminClient();

        var view = await admin.GetFromJsonAsync<JsonElement>($"/admin/jobs/{runId}/logs", rig.Cancellation);

        Assert.Equal(JsonValueKind.Null, view.GetProperty("logs").ValueKind);
        Assert.Contains("no longer available", view.GetProperty("logsUnavailable").GetString(), StringComparison.Ordinal);
        Assert.Equal(jobName, view.GetProperty("workflowName").GetString());
    }

    [Fact]
    public async Task JobLogs_UnknownMalformedPastTheEndOrJobDeleted_404Or400WithTheReason()
    {
        await using var rig = await AgentRig.StartKubernetesAsync(LinkSignals.NewAgentId("k8s-job-logs-bad"));
        var runId = Guid.NewGuid().ToString();
        var jobName = await rig.StartRunAsync(runId);
        await rig.WaitForStateAsync(runId, PipelineStates.Success);
        using var admin = rig.Agent.CreateAdminClient();

        await AdminJobLogsTests.AssertUnknownMalformedAndPastTheEndRefusedAsync(rig, admin, runId);
        rig.Kube.Emulator.Delete(new(Agent.Sandbox.Kubernetes.State.KubeKind.Job, AgentRig.Namespace, jobName), "Background");
        var deleted = await admin.GetAsync($"/admin/jobs/{runId}/logs", rig.Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, deleted.StatusCode);
        Assert.Contains($"has no Job any more (it was '{jobName}')", await deleted.Content.ReadAsStringAsync(rig.Cancellation), StringComparison.Ordinal);
    }
}
