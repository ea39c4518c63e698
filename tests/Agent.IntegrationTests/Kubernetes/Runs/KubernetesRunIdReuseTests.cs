using Agent.Core.Protocol;
using Agent.IntegrationTests.ControlPlane;
using Agent.IntegrationTests.Infrastructure;
using Agent.IntegrationTests.Lifecycle;
using Agent.IntegrationTests.Runs;
using Agent.Sandbox.ControlPlane.Api;

namespace Agent.IntegrationTests.Kubernetes.Runs;

/// <summary>
/// Twin of <c>RunIdReuseTests</c> on the Kubernetes executor: a <c>pipeline.run</c> whose <c>runId</c> already has a
/// Job under another pipeline name is answered as that same run, or 409 for another pipeline, and never gets a second
/// Job or Secret: not in the same process, not after a restart, not when the agent has forgotten the run.
/// </summary>
public sealed class KubernetesRunIdReuseTests
{
    [Fact]
    public async Task PipelineRun_RunIdReusedUnderAnotherName_AnsweredAsTheSameRunWithOneJob()
    {
        await using var rig = await AgentRig.StartKubernetesAsync(LinkSignals.NewAgentId("k8s-reuse-name"));
        var runId = Guid.NewGuid().ToString();
        var jobName = await rig.StartRunAsync(runId);

        var renamed = await rig.SendAsync(MessageTypes.PipelineRun, RequestPayloads.PipelineRun(AgentRig.PipelineFqn, name: RunIdReuseTests.OtherName, runId: runId));

        Assert.Equal(new(runId, jobName), LifecycleRequests.Started(renamed));
        Assert.Equal(1, rig.Kube.JobsPerRun()[runId]);
        Assert.Single(rig.Kube.Secrets());
    }

    [Fact]
    public async Task PipelineRun_RunIdReusedUnderAnotherNameAfterRestartAndForgotten_AnsweredAsTheSameRunOr409WithOneJob()
    {
        await using var rig = await AgentRig.StartKubernetesAsync(LinkSignals.NewAgentId("k8s-reuse-restart"));
        var runId = Guid.NewGuid().ToString();
        var jobName = await rig.StartRunAsync(runId);
        await rig.RestartAgentAsync(() => Task.CompletedTask);
        await rig.ControlPlane.WaitForAgentAsync(rig.Agent.AgentId, rig.Cancellation);

        // As after 1,000 later runs finished: only the API server still knows the run.
        await RunIdReuseTests.AssertForgottenRunIdReusedAsync(rig, runId, jobName);
        Assert.Equal(1, rig.Kube.JobsPerRun()[runId]);
        Assert.Single(rig.Kube.JobsPerRun());
        Assert.Single(rig.Kube.Secrets());
    }
}
