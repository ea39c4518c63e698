using System.Text.Json;
using Agent.Core.Operations.Handlers;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.ControlPlane;
using Agent.IntegrationTests.Infrastructure;
using Agent.IntegrationTests.Kubernetes.Lifecycle;
using Agent.Sandbox.ControlPlane.Api;

namespace Agent.IntegrationTests.Kubernetes.Abuse;

/// <summary>
/// Twin of the executor part of <c>HugeFrameTests</c> on the Kubernetes executor: a config of exactly the exec limit
/// travels in the run's Secret and reaches the process intact, and one byte more is refused before the API server,
/// naming the limit: the Secret does not lift it, as the kubelet still passes the value as the env string
/// <c>config=…</c> (research-16 §3.3). The frame-size and nesting rows are the link's and have no executor side.
/// </summary>
public sealed class KubernetesHugeConfigTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task PipelineRun_ConfigAtTheExecLimitOrOneByteOver_RunIntactOrRefusedNamingTheLimit(int bytesOver)
    {
        await using var rig = await AgentRig.StartKubernetesAsync(LinkSignals.NewAgentId("k8s-huge-config"));
        // A valid workflow config padded with a YAML comment, so the run succeeds once its process has started.
        var prefix = RequestPayloads.DefaultConfig + "\n# ";
        var config = prefix + new string('c', RunRequestValidation.MaxConfigBytes - prefix.Length + bytesOver);
        var runId = Guid.NewGuid().ToString();

        var answer = ReliableMessages.Result(await rig.ControlPlane.SendRequestAsync(
            rig.Agent.AgentId,
            MessageTypes.PipelineRun,
            RequestPayloads.PipelineRun(AgentRig.PipelineFqn, config: JsonSerializer.SerializeToElement(config), runId: runId),
            rig.Cancellation));

        if (bytesOver == 0)
        {
            Assert.True(answer.Ok, $"{answer.Code} {answer.Reason}");
            var job = Assert.Single(rig.Kube.Jobs());
            Assert.Equal(config, KubeSpecs.SecretValue(Assert.Single(rig.Kube.Secrets()), "config"));
            Assert.Equal(config, KubeSpecs.ReceivedEnv(rig.Kube, await rig.Kube.PodOfAsync(KubeObjects.Name(job), rig.Cancellation))["config"]);
            await rig.WaitForStateAsync(runId, PipelineStates.Success);
        }
        else
        {
            Assert.Equal(400, answer.Code);
            Assert.Contains($"payload field 'config' is {RunRequestValidation.MaxConfigBytes + 1} bytes", answer.Reason, StringComparison.Ordinal);
            Assert.Empty(rig.Kube.Jobs());
            Assert.Empty(rig.Kube.Secrets());
        }
    }
}
