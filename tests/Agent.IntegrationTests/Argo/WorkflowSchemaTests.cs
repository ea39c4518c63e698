using System.Text.Json;
using System.Text.Json.Nodes;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.Infrastructure;
using Agent.Sandbox.ControlPlane.Api;

namespace Agent.IntegrationTests.Argo;

/// <summary>Every body the agent sends to Argo validates against the v4.1.2 schema of its operation.</summary>
public sealed class WorkflowSchemaTests
{
    private static readonly Dictionary<string, string> BodyDefinitions = new()
    {
        ["POST /api/v1/workflows/{namespace}"] = "io.argoproj.workflow.v1alpha1.WorkflowCreateRequest",
        ["PUT /api/v1/workflows/{namespace}/{name}/stop"] = "io.argoproj.workflow.v1alpha1.WorkflowStopRequest",
        ["PUT /api/v1/workflows/{namespace}/{name}/terminate"] = "io.argoproj.workflow.v1alpha1.WorkflowTerminateRequest",
    };

    [Fact]
    public async Task ArgoRequests_RunWithRetriesThenKill_EveryBodyValidatesAgainstArgoSchema()
    {
        var schema = SwaggerSchema.Load();
        await using var rig = await AgentRig.StartAsync(
            "schema-agent",
            new Dictionary<string, string?> { ["Sandbox:Argo:PendingSeconds"] = "0", ["Sandbox:Argo:RunningSeconds"] = "300" },
            new Dictionary<string, string?> { ["Argo:KillGraceSeconds"] = "1", ["Ingestion:ImagePullSecrets"] = "regcred", ["Ingestion:ServiceAccountName"] = "runner" });
        var runId = Guid.NewGuid().ToString();
        var pipeline = new PipelineInfo(AgentRig.PipelineFqn, "metadata_ingestion", "metadata", Retries: 2, RetryDelaySeconds: 30);
        var config = JsonSerializer.SerializeToElement(RequestPayloads.DefaultConfig, ProtocolJsonContext.Default.String);
        var run = await rig.SendAsync(MessageTypes.PipelineRun, JsonSerializer.SerializeToElement(
            new PipelineRunRequest(pipeline, config, runId), ProtocolJsonContext.Default.PipelineRunRequest));
        Assert.True(run.Ok, run.Reason);
        var workflowName = run.Data!.Value.Deserialize(ProtocolJsonContext.Default.RunStartedData)!.WorkflowName;
        await rig.WaitForStateAsync(runId, PipelineStates.Running);
        rig.Faults.IgnoreStop(AgentRig.Namespace, workflowName);
        var kill = await rig.SendAsync(MessageTypes.PipelineKillRun, JsonSerializer.SerializeToElement(
            new PipelineKillRunRequest(AgentRig.PipelineFqn, runId), ProtocolJsonContext.Default.PipelineKillRunRequest));
        Assert.True(kill.Ok, kill.Reason);
        await rig.WaitForStateAsync(runId, PipelineStates.Stopped);

        var sent = rig.Recorder.Requests.Where(r => r.RawBody is not null).ToList();
        Assert.Equal(BodyDefinitions.Keys.Order(), sent.Select(r => $"{r.Method} {r.Route}").Order());
        foreach (var request in sent)
        {
            var route = $"{request.Method} {request.Route}";
            Assert.True(schema.Defines(BodyDefinitions[route]), $"{BodyDefinitions[route]} missing from {schema.Source}");
            Assert.NotNull(request.Body);
            Assert.Empty(schema.Validate(request.Body, BodyDefinitions[route]).Select(error => $"{route} {error}"));
        }

        var workflow = sent.Single(r => r.Method == "POST").Body!["workflow"]!;
        Assert.Empty(ArgoRequestRules.CheckWorkflow(workflow));
        Assert.Equal("OnFailure", (string?)workflow["spec"]!["templates"]![0]!["retryStrategy"]!["retryPolicy"]);
        Assert.Equal(JsonValueKind.String, workflow["spec"]!["templates"]![0]!["retryStrategy"]!["limit"]!.GetValueKind());
    }

    [Theory]
    [InlineData("image missing", "required property 'image'")]
    [InlineData("ttl as string", "expected integer")]
    [InlineData("unknown spec field", "unknown property 'entryPoint'")]
    [InlineData("env without name", "required property 'name'")]
    public void Validate_BrokenWorkflowCreateRequest_ReportsTheError(string breakage, string expected)
    {
        var schema = SwaggerSchema.Load();
        var request = ValidCreateRequest();
        var spec = request["workflow"]!["spec"]!.AsObject();
        var container = spec["templates"]![0]!["container"]!.AsObject();
        switch (breakage)
        {
            case "image missing": container.Remove("image"); break;
            case "ttl as string": spec["ttlStrategy"] = new JsonObject { ["secondsAfterCompletion"] = "3600" }; break;
            case "unknown spec field": spec["entryPoint"] = "main"; break;
            default: container["env"] = new JsonArray(new JsonObject { ["value"] = "x" }); break;
        }

        Assert.Empty(schema.Validate(ValidCreateRequest(), "io.argoproj.workflow.v1alpha1.WorkflowCreateRequest"));
        Assert.Contains(schema.Validate(request, "io.argoproj.workflow.v1alpha1.WorkflowCreateRequest"), error => error.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void CheckWorkflow_BadEnumsAndTemplateNames_ReportsEach()
    {
        var workflow = ValidCreateRequest()["workflow"]!;
        var spec = workflow["spec"]!.AsObject();
        spec["podGC"] = new JsonObject { ["strategy"] = "OnSuccess" };
        spec["onExit"] = "missing";
        spec["templates"]![0]!["retryStrategy"] = new JsonObject { ["retryPolicy"] = "Sometimes" };

        var errors = ArgoRequestRules.CheckWorkflow(workflow);

        Assert.Equal(3, errors.Count);
        Assert.Empty(ArgoRequestRules.CheckWorkflow(ValidCreateRequest()["workflow"]!));
    }

    private static JsonObject ValidCreateRequest() => new()
    {
        ["namespace"] = "ingestion",
        ["workflow"] = new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = "wf", ["labels"] = new JsonObject { ["a"] = "b" } },
            ["spec"] = new JsonObject
            {
                ["entrypoint"] = "main",
                ["ttlStrategy"] = new JsonObject { ["secondsAfterCompletion"] = 3600 },
                ["templates"] = new JsonArray(new JsonObject
                {
                    ["name"] = "main",
                    ["container"] = new JsonObject { ["image"] = "busybox", ["env"] = new JsonArray(new JsonObject { ["name"] = "k", ["value"] = "v" }) },
                }),
            },
        },
    };
}
