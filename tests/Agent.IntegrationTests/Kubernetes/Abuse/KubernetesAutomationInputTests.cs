using System.Text.Json;
using Agent.Core.Operations.Handlers;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.Abuse;
using Agent.IntegrationTests.ControlPlane;
using Agent.IntegrationTests.Infrastructure;
using Agent.IntegrationTests.Kubernetes.Lifecycle;
using Agent.IntegrationTests.Lifecycle;

namespace Agent.IntegrationTests.Kubernetes.Abuse;

/// <summary>
/// Twin of <c>AutomationInputTests</c> on the Kubernetes executor: an automation's name with an Argo tag is plain text
/// here (it reaches the pod as <c>ingestionPipelineFQN</c> from the Secret), while the exec limit still holds, because
/// the kubelet puts the Secret's value into the process environment all the same (research-16 §3.3).
/// </summary>
public sealed class KubernetesAutomationInputTests
{
    [Fact]
    public async Task AutomationRun_NameWithArgoTag_ReachesThePodAsWritten()
    {
        await using var rig = await AgentRig.StartKubernetesAsync(LinkSignals.NewAgentId("k8s-automation-tag"));

        var result = await AutomationInputTests.SendAsync(
            rig, new Dictionary<string, string> { ["name"] = "test-{{workflow.uid}}", ["workflowType"] = "TEST_CONNECTION" }, JsonSerializer.SerializeToElement("{\"type\": \"TestConnection\"}"));

        var started = LifecycleRequests.Started(result);
        var received = KubeSpecs.ReceivedEnv(rig.Kube, await rig.Kube.PodOfAsync(started.WorkflowName, rig.Cancellation));
        Assert.Equal("test-{{workflow.uid}}", received["ingestionPipelineFQN"]);
        Assert.Equal("{\"type\": \"TestConnection\"}", received["config"]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task AutomationRun_WorkflowAtTheExecLimitOrOneByteOver_RunToSuccessOrAnswered400(int bytesOver)
    {
        await using var rig = await AgentRig.StartKubernetesAsync(LinkSignals.NewAgentId("k8s-automation-exec-limit"));
        // The fields run_automation.py dispatches on, so the run succeeds once its process has started.
        var workflow = new Dictionary<string, string> { ["name"] = "test-connection", ["workflowType"] = "TEST_CONNECTION", ["request"] = "{}", ["padding"] = "" };
        var empty = JsonSerializer.Serialize(workflow, ProtocolJsonContext.Default.DictionaryStringString);
        workflow["padding"] = new string('p', RunRequestValidation.MaxConfigBytes - empty.Length + bytesOver);

        var result = await AutomationInputTests.SendAsync(rig, workflow);

        if (bytesOver == 0)
        {
            // The emulator's kubelet checks MAX_ARG_STRLEN on every env string: at the limit, the process starts.
            var started = LifecycleRequests.Started(result);
            var received = KubeSpecs.ReceivedEnv(rig.Kube, await rig.Kube.PodOfAsync(started.WorkflowName, rig.Cancellation));
            Assert.Equal(RunRequestValidation.MaxConfigBytes, received["config"].Length);
            await rig.WaitForStateAsync(started.RunId, PipelineStates.Success);
        }
        else
        {
            Assert.Equal(400, result.Code);
            Assert.StartsWith($"payload field 'workflow' is {RunRequestValidation.MaxConfigBytes + 1} bytes", result.Reason, StringComparison.Ordinal);
            Assert.Empty(rig.Kube.Jobs());
            Assert.Empty(rig.Kube.Secrets());
        }
    }
}
