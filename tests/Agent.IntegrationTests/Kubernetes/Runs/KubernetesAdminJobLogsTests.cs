using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
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

        Assert.True(protocol.Ok, protocol.Reason);
        var page = protocol.Data!.Value.Deserialize(ProtocolJsonContext.Default.DictionaryStringString)!;
        Assert.Equal(runId, view.GetProperty("runId").GetString());
        Assert.Equal(jobName, view.GetProperty("workflowName").GetString());
        Assert.Equal(KubeRuns.JobName(runId), jobName);
        Assert.Equal("ingestion_task", view.GetProperty("taskKey").GetString());
        Assert.Equal(0, view.GetProperty("page").GetInt32());
        Assert.Contains("[main] Starting ingestion pipeline", page["ingestion_task"], StringComparison.Ordinal);
        Assert.Equal(page["ingestion_task"], view.GetProperty("logs").GetString());
        Assert.Equal(page["total"], view.GetProperty("total").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(JsonValueKind.Null, view.GetProperty("after").ValueKind);
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
        var unknownId = Guid.NewGuid().ToString();

        var unknown = await admin.GetAsync($"/admin/jobs/{unknownId}/logs", rig.Cancellation);
        var malformed = await admin.GetAsync("/admin/jobs/not-a-run-id/logs", rig.Cancellation);
        var upperCase = await admin.GetAsync($"/admin/jobs/{runId.ToUpperInvariant()}/logs", rig.Cancellation);
        var badAfter = await admin.GetAsync($"/admin/jobs/{runId}/logs?after=-1", rig.Cancellation);
        var pastEnd = await admin.GetAsync($"/admin/jobs/{runId}/logs?after=7", rig.Cancellation);
        rig.Kube.Emulator.Delete(new(Agent.Sandbox.Kubernetes.State.KubeKind.Job, AgentRig.Namespace, jobName), "Background");
        var deleted = await admin.GetAsync($"/admin/jobs/{runId}/logs", rig.Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains($"run '{unknownId}' is not tracked by this agent", await unknown.Content.ReadAsStringAsync(rig.Cancellation), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("canonical lower-case", await malformed.Content.ReadAsStringAsync(rig.Cancellation), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, upperCase.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badAfter.StatusCode);
        Assert.Contains("'after' must be a page index", await badAfter.Content.ReadAsStringAsync(rig.Cancellation), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, pastEnd.StatusCode);
        Assert.Contains("'after' is 7, but the log has 1 pages", await pastEnd.Content.ReadAsStringAsync(rig.Cancellation), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, deleted.StatusCode);
        Assert.Contains($"has no Job any more (it was '{jobName}')", await deleted.Content.ReadAsStringAsync(rig.Cancellation), StringComparison.Ordinal);
    }
}
