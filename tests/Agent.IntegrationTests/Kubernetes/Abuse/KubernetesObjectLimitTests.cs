using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.ControlPlane;
using Agent.IntegrationTests.Infrastructure;
using Agent.IntegrationTests.Lifecycle;
using Agent.Sandbox.ControlPlane.Api;

namespace Agent.IntegrationTests.Kubernetes.Abuse;

/// <summary>
/// Kubernetes' own limits on what a request can carry: the FQN rides in an annotation (at most 256 KiB for all of an
/// object's annotations; the config Secret's 1 MiB cannot be reached before it, as the config is capped at the exec
/// limit). An FQN past it is refused by the API server at the first object, so the answer names the limit and nothing
/// is left behind: no Job, CronJob or Secret.
/// </summary>
public sealed class KubernetesObjectLimitTests
{
    private static readonly string HugeFqn = "svc." + new string('f', 300 * 1024);

    [Fact]
    public async Task PipelineRun_FqnOverTheAnnotationLimit_AnsweredNamingItAndCreatesNothing()
    {
        await using var rig = await AgentRig.StartKubernetesAsync(LinkSignals.NewAgentId("k8s-limit-run"));

        var answer = ReliableMessages.Result(await rig.ControlPlane.SendRequestAsync(
            rig.Agent.AgentId, MessageTypes.PipelineRun, RequestPayloads.PipelineRun(HugeFqn, name: "huge", runId: Guid.NewGuid().ToString()), rig.Cancellation));

        AssertRefusedByTheApiServer(answer);
        Assert.Empty(rig.Kube.Jobs());
        Assert.Empty(rig.Kube.Secrets());
    }

    [Fact]
    public async Task PipelineDeploy_FqnOverTheAnnotationLimit_AnsweredNamingItAndCreatesNothing()
    {
        await using var rig = await AgentRig.StartKubernetesAsync(LinkSignals.NewAgentId("k8s-limit-deploy"));

        var answer = await rig.DeployAsync(LifecycleRequests.Pipeline(HugeFqn, "huge"));

        AssertRefusedByTheApiServer(answer);
        Assert.Empty(rig.Kube.CronJobs());
        Assert.Empty(rig.Kube.Secrets());
    }

    /// <summary>
    /// The API server's 422 names the field and the limit; protocol §5 answers an executor's refusal 502 (whether an
    /// Invalid from the executor should be a 4xx is the protocol's call, not this executor's).
    /// </summary>
    private static void AssertRefusedByTheApiServer(ResultPayload answer)
    {
        Assert.Equal(502, answer.Code);
        Assert.Contains("422", answer.Reason, StringComparison.Ordinal);
        Assert.Contains("metadata.annotations: Too long: must have at most 262144 bytes", answer.Reason, StringComparison.Ordinal);
    }
}
