using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Agent.IntegrationTests.Infrastructure;
using Agent.Sandbox.ControlPlane.Api;

namespace Agent.IntegrationTests.Argo;

/// <summary>The Workflow the agent creates for a run, checked field by field against docs/argo-mapping.md.</summary>
public sealed class WorkflowMappingTests
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Argo:SecondsAfterCompletionTtl"] = "3600",
        ["Ingestion:ServiceAccountName"] = "ingestion-runner",
        ["Ingestion:ImagePullSecrets"] = "regcred, mirror-cred",
        ["Ingestion:Resources:CpuLimit"] = "2",
        ["Ingestion:Resources:MemoryLimit"] = "3Gi",
        ["Ingestion:Resources:CpuRequest"] = "500m",
        ["Ingestion:Resources:MemoryRequest"] = "1Gi",
    };

    [Fact]
    public async Task PipelineRun_ConfiguredAgent_SendsWorkflowMatchingDocumentedMapping()
    {
        await using var rig = await AgentRig.StartAsync("mapping-agent", agentOverrides: Settings);
        var runId = Guid.NewGuid();

        var workflowName = await rig.StartRunAsync(runId.ToString());

        var create = Assert.Single(rig.Recorder.Requests, r => r.Method == "POST" && r.Route == "/api/v1/workflows/{namespace}");
        Assert.Equal(AgentRig.Namespace, (string?)create.Body!["namespace"]);
        var workflow = create.Body["workflow"]!.AsObject();
        var metadata = workflow["metadata"]!;
        Assert.Equal($"om-metadata-ingestion-{runId:N}", workflowName);
        Assert.Equal(workflowName, (string?)metadata["name"]);
        Assert.Equal(AgentRig.Namespace, (string?)metadata["namespace"]);
        var expectedLabels = new Dictionary<string, string>
        {
            ["hybrid-agent/agent-id"] = "mapping-agent",
            ["hybrid-agent/run-id"] = runId.ToString(),
            ["hybrid-agent/pipeline"] = Sha256Hex(AgentRig.PipelineFqn)[..40],
            ["hybrid-agent/pipeline-type"] = "metadata",
            ["app.kubernetes.io/managed-by"] = "hybrid-ingestion-agent",
        };
        Assert.Equal(expectedLabels, Strings(metadata["labels"]));
        Assert.Equal(
            new Dictionary<string, string> { ["hybrid-agent/pipeline-fqn"] = AgentRig.PipelineFqn, ["hybrid-agent/run-id"] = runId.ToString() },
            Strings(metadata["annotations"]));

        var spec = workflow["spec"]!;
        Assert.Equal("ingestion", (string?)spec["entrypoint"]);
        Assert.Equal("exit-handler", (string?)spec["onExit"]);
        Assert.Equal("ingestion-runner", (string?)spec["serviceAccountName"]);
        Assert.Equal(["regcred", "mirror-cred"], spec["imagePullSecrets"]!.AsArray().Select(s => (string?)s!["name"]));
        Assert.Equal(JsonValueKind.Number, spec["ttlStrategy"]!["secondsAfterCompletion"]!.GetValueKind());
        Assert.Equal(3600, (int)spec["ttlStrategy"]!["secondsAfterCompletion"]!);
        Assert.Equal(expectedLabels, Strings(spec["podMetadata"]!["labels"]));

        var templates = spec["templates"]!.AsArray().ToDictionary(t => (string)t!["name"]!, t => t!);
        Assert.Equal(["ingestion", "exit-handler"], templates.Keys);
        Assert.Null(templates["ingestion"]["retryStrategy"]);
        var main = templates["ingestion"]["container"]!;
        Assert.Equal("main", (string?)main["name"]);
        Assert.Equal("openmetadata/ingestion:1.9.0", (string?)main["image"]);
        Assert.Equal(["python", "main.py"], main["command"]!.AsArray().Select(part => (string?)part));
        var baseEnv = new Dictionary<string, string>
        {
            ["config"] = RequestPayloads.DefaultConfig,
            ["pipelineRunId"] = runId.ToString(),
            ["ingestionPipelineFQN"] = AgentRig.PipelineFqn,
            ["pipelineType"] = "metadata",
            ["AWS_DEFAULT_REGION"] = "eu-west-1",
            ["SECRET_CANARY"] = AgentApplication.ExtraEnvSecret,
        };
        Assert.Equal(baseEnv, Env(main));
        Assert.Equal(new Dictionary<string, string> { ["cpu"] = "2", ["memory"] = "3Gi" }, Strings(main["resources"]!["limits"]));
        Assert.Equal(new Dictionary<string, string> { ["cpu"] = "500m", ["memory"] = "1Gi" }, Strings(main["resources"]!["requests"]));

        var exit = templates["exit-handler"]["container"]!;
        Assert.Equal("openmetadata/ingestion:1.9.0", (string?)exit["image"]);
        Assert.Equal(["python", "exit_handler.py"], exit["command"]!.AsArray().Select(part => (string?)part));
        Assert.Equal(new Dictionary<string, string>(baseEnv) { ["pipelineStatus"] = "{{workflow.status}}" }, Env(exit));

        // What Argo stores is what was sent (the emulator only adds its controller labels and status).
        var stored = rig.Emulator.GetWorkflow(AgentRig.Namespace, workflowName);
        Assert.Equal("false", (string?)stored["metadata"]!["labels"]!["workflows.argoproj.io/completed"]);
        Assert.True(JsonNode.DeepEquals(spec, stored["spec"]));
    }

    [Fact]
    public async Task PipelineRun_DefaultAgent_LeavesOptionalFieldsOutAndKeepsWeekTtl()
    {
        await using var rig = await AgentRig.StartAsync("mapping-defaults");

        await rig.StartRunAsync(Guid.NewGuid().ToString());

        var spec = Assert.Single(rig.Recorder.Requests, r => r.Method == "POST").Body!["workflow"]!["spec"]!.AsObject();
        Assert.False(spec.ContainsKey("serviceAccountName"));
        Assert.False(spec.ContainsKey("imagePullSecrets"));
        Assert.Equal(7 * 24 * 3600, (int)spec["ttlStrategy"]!["secondsAfterCompletion"]!);
        var limits = spec["templates"]![0]!["container"]!["resources"]!["limits"]!;
        Assert.Equal("1000m", (string?)limits["cpu"]);
        Assert.Equal("4096Mi", (string?)limits["memory"]);
    }

    private static Dictionary<string, string> Strings(JsonNode? map) =>
        map!.AsObject().ToDictionary(pair => pair.Key, pair => (string)pair.Value!);

    private static Dictionary<string, string> Env(JsonNode container) =>
        container["env"]!.AsArray().ToDictionary(e => (string)e!["name"]!, e => (string)e!["value"]!);

    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
