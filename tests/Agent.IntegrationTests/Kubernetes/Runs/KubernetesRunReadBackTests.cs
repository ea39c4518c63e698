using System.Globalization;
using System.Text.Json;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.Infrastructure;
using Agent.IntegrationTests.Runs;
using Agent.Sandbox.ControlPlane.Api;

namespace Agent.IntegrationTests.Kubernetes.Runs;

/// <summary>
/// Twin of <c>RunReadBackTests</c> on the Kubernetes executor: every status carries the Job's creation time; the log is
/// the main container of the Job's newest pod (the latest attempt after a back-off retry, where the Argo twin reads the
/// main pod and not the exit handler's, which a Job does not have); a pod waiting for its image is queued with the reason.
/// </summary>
public sealed class KubernetesRunReadBackTests
{
    [Fact]
    public async Task RunStatus_RunGoesThroughItsStates_EveryStatusAndPipelineStatusCarryTheJobsCreationTime()
    {
        await using var rig = await AgentRig.StartKubernetesAsync("k8s-stable-timestamp-agent");
        var runId = Guid.NewGuid().ToString();
        var jobName = await rig.StartRunAsync(runId);
        await rig.WaitForStateAsync(runId, PipelineStates.Success);
        var created = DateTimeOffset.Parse(
            (string)rig.Kube.Job(jobName)!["metadata"]!["creationTimestamp"]!, CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();

        await RunReadBackTests.AssertEveryStatusCarriesAsync(rig, runId, created);
    }

    [Fact]
    public async Task PipelineLogs_RunRetriedAfterAFailedPod_ReadsTheNewestPodsMainContainerOnly()
    {
        var tap = new KubeApiTap();
        var settings = KubeRuns.LongRuns;
        settings["Sandbox:Kubernetes:BackoffSeconds"] = "1";
        await using var rig = await AgentRig.StartKubernetesAsync("k8s-pod-logs-agent", settings, replaceServices: tap.Install);
        var runId = Guid.NewGuid().ToString();
        var jobName = await rig.StartRunAsync(runId);
        var first = KubeObjects.Name(await rig.PodInPhaseAsync(runId, "Running"));
        await rig.AppendPodLogAsync(first, ["first attempt only"]);
        await rig.Kube.ForcePhaseAsync(jobName, "Failed", cancellationToken: rig.Cancellation);
        var second = KubeObjects.Name(await rig.Kube.WaitForAsync(objects => objects.Pods(jobName).LastOrDefault(pod => KubeObjects.Name(pod) != first), rig.Cancellation));
        await rig.Kube.ForcePhaseAsync(jobName, "Succeeded", cancellationToken: rig.Cancellation);
        await rig.WaitForStateAsync(runId, PipelineStates.Success);

        var answer = await rig.SendAsync(MessageTypes.PipelineLogs, RequestPayloads.PipelineLogs(AgentRig.PipelineFqn, runId));

        Assert.True(answer.Ok, answer.Reason);
        var text = answer.Data!.Value.GetProperty("ingestion_task").GetString()!;
        Assert.Contains("[main] Starting ingestion pipeline", text, StringComparison.Ordinal);
        Assert.DoesNotContain("first attempt only", text, StringComparison.Ordinal);
        Assert.Equal(string.Concat(rig.PodLog(second).Select(line => line + "\n")), text);
        var logCall = Assert.Single(tap.Requests, request => request.PathAndQuery.Contains("/log", StringComparison.Ordinal));
        Assert.Equal(("GET", $"/api/v1/namespaces/{AgentRig.Namespace}/pods/{second}/log?container=main"), logCall);
    }

    [Fact]
    public async Task RunStatus_PodWaitingForItsImage_QueuedWithTheReasonThenRunning()
    {
        await using var rig = await AgentRig.StartKubernetesAsync("k8s-queued-pod-agent", KubeRuns.LongRuns);
        var runId = Guid.NewGuid().ToString();
        var config = JsonSerializer.SerializeToElement(
            RequestPayloads.DefaultConfig + "\n# sandbox-pending: ImagePullBackOff: Back-off pulling image \"ingestion:9\"\n", ProtocolJsonContext.Default.String);
        var answer = await rig.SendAsync(MessageTypes.PipelineRun, RequestPayloads.PipelineRun(AgentRig.PipelineFqn, config: config, runId: runId));
        Assert.True(answer.Ok, answer.Reason);
        var jobName = answer.Data!.Value.Deserialize(ProtocolJsonContext.Default.RunStartedData)!.WorkflowName;

        var queued = await rig.ControlPlane.WaitForStatusAsync(
            s => s.RunId == runId && s.Message?.StartsWith("ImagePullBackOff", StringComparison.Ordinal) == true, rig.Cancellation);

        // The Job controller counts a Pending pod as active; only the pod's waiting container says the run has not started.
        Assert.Equal(1L, (long?)rig.Kube.Job(jobName)!["status"]!["active"]);
        Assert.Equal("Pending", (string?)Assert.Single(rig.Kube.Pods(jobName))["status"]!["phase"]);
        Assert.Equal(PipelineStates.Queued, queued.Status.PipelineState);
        Assert.Equal("ImagePullBackOff: Back-off pulling image \"ingestion:9\"", queued.Status.Message);
        Assert.DoesNotContain(rig.ControlPlane.GetStatuses(runId: runId), s => s.Status.PipelineState == PipelineStates.Running);

        await rig.Kube.ForcePhaseAsync(jobName, "Running", cancellationToken: rig.Cancellation);
        await rig.WaitForStateAsync(runId, PipelineStates.Running);
    }
}
