using System.Text.Json;
using Agent.Core.Operations;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.Infrastructure;
using Agent.IntegrationTests.Protocol;
using Agent.Sandbox.ControlPlane.Api;

namespace Agent.IntegrationTests.Kubernetes.Runs;

/// <summary>
/// Twin of <c>KillAnswerTests</c> on the Kubernetes executor: when the API server refuses the patch that suspends the
/// Job, <c>pipeline.kill</c> answers not ok with the run under <c>failed</c>; once it accepts, ok with the run under
/// <c>stopped</c>, both in the schema's shape, and the Job is suspended only then.
/// </summary>
public sealed class KubernetesKillAnswerTests
{
    [Fact]
    public async Task PipelineKill_ApiServerRefusesThePatchThenAcceptsIt_ReportsTheRunFailedThenStoppedWithSchemaValidData()
    {
        var tap = new KubeApiTap();
        await using var rig = await AgentRig.StartKubernetesAsync("k8s-kill-answer-agent", KubeRuns.LongRuns, replaceServices: tap.Install);
        var runId = Guid.NewGuid().ToString();
        var jobName = await rig.StartRunAsync(runId);
        await rig.WaitForStateAsync(runId, PipelineStates.Running);

        tap.Refuse = request => request.Method == HttpMethod.Patch && request.RequestUri!.AbsolutePath.EndsWith("/jobs/" + jobName, StringComparison.Ordinal);
        var refused = await rig.SendAsync(MessageTypes.PipelineKill, RequestPayloads.PipelineFqn(AgentRig.PipelineFqn));
        var untouched = rig.Kube.Job(jobName)!;
        tap.Refuse = null;
        var accepted = await rig.SendAsync(MessageTypes.PipelineKill, RequestPayloads.PipelineFqn(AgentRig.PipelineFqn));

        Assert.Equal((false, ResultCodes.ArgoUnreachable), (refused.Ok, refused.Code));
        var failed = Data(refused);
        Assert.Empty(failed.Stopped);
        Assert.Equal(runId, Assert.Single(failed.Failed).RunId);
        Assert.False(KubeRuns.IsSuspended(untouched));
        Assert.True(accepted.Ok, accepted.Reason);
        Assert.Equal([runId], Data(accepted).Stopped);
        Assert.Empty(Data(accepted).Failed);
        Assert.All(new[] { refused, accepted }, answer => Assert.Empty(ProtocolSchemas.ValidateResultData(MessageTypes.PipelineKill, answer.Data!.Value)));
        await rig.WaitForStateAsync(runId, PipelineStates.Stopped);
        Assert.True(KubeRuns.IsSuspended(rig.Kube.Job(jobName)!));
    }

    private static KilledRunsData Data(ResultPayload answer) => answer.Data!.Value.Deserialize(ProtocolJsonContext.Default.KilledRunsData)!;
}
