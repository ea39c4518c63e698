using Agent.Core.Operations;
using Agent.Core.Protocol;
using Agent.IntegrationTests.ControlPlane;
using Agent.IntegrationTests.Infrastructure;
using Agent.Sandbox.ControlPlane.Api;

namespace Agent.IntegrationTests.Kubernetes.Faults;

/// <summary>
/// Twin of <c>DeadlineTests</c> on the Kubernetes executor: a request that arrives after its <c>payload.deadline</c> is
/// answered 408 and not executed (protocol §4): no Job create call, no Job, no config Secret.
/// </summary>
public sealed class KubernetesDeadlineTests
{
    [Fact]
    public async Task PipelineRun_PastItsDeadline_Answered408AndCreatesNoJob()
    {
        var gate = CreateGate.Counting();
        await using var rig = await AgentRig.StartKubernetesAsync(LinkSignals.NewAgentId("k8s-deadline"), replaceServices: gate.Install);
        var late = DeadlineTests.WithDeadline(
            RequestPayloads.PipelineRun("reliability.late", runId: Guid.NewGuid().ToString()), DateTimeOffset.UtcNow.AddMinutes(-1));
        var onTime = DeadlineTests.WithDeadline(
            RequestPayloads.PipelineRun("reliability.on_time", runId: Guid.NewGuid().ToString()), DateTimeOffset.UtcNow.AddMinutes(5));

        var lateAnswer = await rig.SendAsync(MessageTypes.PipelineRun, late);
        var onTimeAnswer = await rig.SendAsync(MessageTypes.PipelineRun, onTime);

        Assert.False(lateAnswer.Ok);
        Assert.Equal(ResultCodes.DeadlinePassed, lateAnswer.Code);
        Assert.Contains("deadline", lateAnswer.Reason, StringComparison.Ordinal);
        Assert.True(onTimeAnswer.Ok, onTimeAnswer.Reason);

        // Only the request within its deadline reached the apiserver.
        Assert.Equal(1, gate.Creates);
        Assert.Equal([onTimeAnswer.RunId], rig.Kube.JobsPerRun().Keys);
        Assert.Empty(rig.Kube.Jobs("reliability.late"));
        Assert.Single(rig.Kube.Secrets());
    }
}
