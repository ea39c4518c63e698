using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.Infrastructure;
using Agent.IntegrationTests.Protocol;
using Agent.IntegrationTests.Runs;
using Agent.Sandbox.ControlPlane;
using Agent.Sandbox.ControlPlane.Api;

namespace Agent.IntegrationTests.Kubernetes.Runs;

/// <summary>
/// Twin of <c>PipelineRunEndToEndTests</c> on the Kubernetes executor: control plane → agent → Kubernetes API → agent →
/// control plane over real sockets; the hello names the executor, a run is one Job with its config in an owned Secret.
/// </summary>
public sealed class KubernetesPipelineRunEndToEndTests
{
    private const string PipelineFqn = "sandbox_mysql.metadata_ingestion";

    /// <summary>The API server's version goes under its own name: under <c>argoVersion</c> a control plane would compare it with Argo's.</summary>
    [Fact]
    public async Task Connect_Sandbox_SchemaValidHelloNamesTheKubernetesExecutorItsNamespaceAndVersion()
    {
        await using var rig = await AgentRig.StartKubernetesAsync("k8s-e2e-hello");

        var known = Assert.Single(rig.ControlPlane.GetAgents(), a => a.Id == rig.Agent.AgentId);
        var hello = rig.ControlPlane.GetFrames(rig.Agent.AgentId, FrameDirection.Received).First(frame => frame.Type == MessageTypes.Hello);

        Assert.Equal(rig.Welcomed.InstanceId, known.InstanceId);
        Assert.Contains(MessageTypes.PipelineRun, known.Capabilities);
        Assert.Equal(("simpleK8s", AgentRig.Namespace, null), (known.Executor!.Kind, known.Executor.Namespace, known.Executor.ArgoVersion));
        Assert.StartsWith("v1.", known.Executor.KubernetesVersion, StringComparison.Ordinal);
        using var helloJson = JsonDocument.Parse(hello.Text);
        Assert.Empty(ProtocolSchemas.Validate(helloJson.RootElement));
    }

    [Fact]
    public async Task PipelineRun_Sandbox_CreatesOneJobWithItsSecretAnswersAndReportsSuccess()
    {
        await using var rig = await AgentRig.StartKubernetesAsync("k8s-e2e-run");
        var runId = Guid.NewGuid().ToString();

        var answer = await rig.ControlPlane.SendRequestAsync(
            rig.Agent.AgentId, MessageTypes.PipelineRun, RequestPayloads.PipelineRun(PipelineFqn, runId: runId), rig.Cancellation);

        var result = answer.Payload.Deserialize(ProtocolJsonContext.Default.ResultPayload)!;
        Assert.True(result.Ok, result.Reason);
        Assert.Equal(runId, result.RunId);
        var started = result.Data!.Value.Deserialize(ProtocolJsonContext.Default.RunStartedData)!;
        Assert.Equal(KubeRuns.JobName(runId), started.WorkflowName);
        var job = Assert.Single(rig.Kube.Jobs());
        AssertJob(rig, job, rig.Agent.AgentId, runId);

        var success = (await rig.ControlPlane.WaitForStatusAsync(s => s.RunId == runId && s.PipelineState == PipelineStates.Success, rig.Cancellation)).Status;
        Assert.Equal(PipelineFqn, success.PipelineFqn);
        Assert.Equal(started.WorkflowName, success.WorkflowName);
        Assert.NotNull(success.EndDate);
        Assert.Equal("Succeeded", (string?)Assert.Single(rig.Kube.Pods(started.WorkflowName))["status"]!["phase"]);
        Assert.Equal(1, await PipelineRunEndToEndTests.ScrapeAsync(rig.Agent, "collate_hybrid_agent_jobs_total{status=\"succeeded\"}"));
        Assert.Equal(1, await PipelineRunEndToEndTests.ScrapeAsync(rig.Agent, "collate_hybrid_agent_jobs_counter_total"));
    }

    private static void AssertJob(AgentRig rig, JsonObject job, string agentId, string runId)
    {
        Assert.Equal(agentId, KubeObjects.Label(job, "hybrid-agent/agent-id"));
        Assert.Equal(runId, KubeObjects.Label(job, "hybrid-agent/run-id"));
        Assert.Equal("metadata", KubeObjects.Label(job, "hybrid-agent/pipeline-type"));
        Assert.Equal(PipelineFqn, KubeObjects.Annotation(job, KubeObjects.FqnAnnotation));
        Assert.Equal(runId, KubeObjects.Annotation(job, KubeObjects.RunIdAnnotation));

        var main = job["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Single(c => (string?)c!["name"] == "main")!;
        Assert.StartsWith("openmetadata/ingestion", (string?)main["image"], StringComparison.Ordinal);
        Assert.Equal(["python", "main.py"], main["command"]!.AsArray().Select(part => (string?)part));
        var env = main["env"]!.AsArray().ToDictionary(e => (string)e!["name"]!, e => e!);
        Assert.Equal("metadata", (string?)env["pipelineType"]["value"]);
        Assert.Equal(runId, (string?)env["pipelineRunId"]["value"]);
        Assert.Equal("eu-west-1", (string?)env["AWS_DEFAULT_REGION"]["value"]);
        Assert.Equal(AgentApplication.ExtraEnvSecret, (string?)env["SECRET_CANARY"]["value"]);

        // The config and the FQN are not in the Job: they come from a Secret the Job owns, so they go with it.
        var secretName = (string)env["config"]["valueFrom"]!["secretKeyRef"]!["name"]!;
        var secret = Assert.Single(rig.Kube.Secrets(), s => KubeObjects.Name(s) == secretName);
        Assert.Equal((string?)job["metadata"]!["uid"], (string?)Assert.Single(secret["metadata"]!["ownerReferences"]!.AsArray())!["uid"]);
        Assert.Equal(RequestPayloads.DefaultConfig, Decode(secret, "config"));
        Assert.Equal(PipelineFqn, Decode(secret, "ingestionPipelineFQN"));
        Assert.Equal(secretName, (string?)env["ingestionPipelineFQN"]["valueFrom"]!["secretKeyRef"]!["name"]);
    }

    private static string Decode(JsonObject secret, string key) => Encoding.UTF8.GetString(Convert.FromBase64String((string)secret["data"]![key]!));
}
