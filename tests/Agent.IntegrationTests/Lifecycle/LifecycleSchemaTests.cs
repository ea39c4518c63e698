using System.Text.Json.Nodes;
using Agent.IntegrationTests.Argo;
using Agent.IntegrationTests.Infrastructure;

namespace Agent.IntegrationTests.Lifecycle;

/// <summary>Every body the lifecycle operations send to Argo validates against the v4.1.2 schema of its route.</summary>
public sealed class LifecycleSchemaTests
{
    private static readonly Dictionary<string, string> BodyDefinitions = new()
    {
        ["POST /api/v1/cron-workflows/{namespace}"] = "io.argoproj.workflow.v1alpha1.CreateCronWorkflowRequest",
        ["PUT /api/v1/cron-workflows/{namespace}/{name}"] = "io.argoproj.workflow.v1alpha1.UpdateCronWorkflowRequest",
        ["PUT /api/v1/cron-workflows/{namespace}/{name}/suspend"] = "io.argoproj.workflow.v1alpha1.CronWorkflowSuspendRequest",
        ["PUT /api/v1/cron-workflows/{namespace}/{name}/resume"] = "io.argoproj.workflow.v1alpha1.CronWorkflowResumeRequest",
        ["POST /api/v1/workflows/{namespace}"] = "io.argoproj.workflow.v1alpha1.WorkflowCreateRequest",
    };

    [Fact]
    public async Task ArgoRequests_EveryLifecycleOperation_EveryBodyValidatesAgainstArgoSchema()
    {
        var schema = SwaggerSchema.Load();
        using var files = new SpecFiles();
        await using var rig = await AgentRig.StartAsync("lifecycle-schema", agentOverrides: PodCustomizationTests.Settings(files));
        var cronName = await rig.DeployOkAsync(LifecycleRequests.Pipeline() with { Retries = 2, RetryDelaySeconds = 60 });
        await rig.DeployOkAsync(LifecycleRequests.Pipeline(schedule: "30 4 * * MON-FRI", timezone: "Europe/Paris", enabled: false));
        Assert.True((await rig.ToggleAsync(AgentRig.PipelineFqn, enabled: true)).Ok);
        Assert.True((await rig.ToggleAsync(AgentRig.PipelineFqn, enabled: false)).Ok);
        LifecycleRequests.Started(await rig.RunAutomationAsync());
        LifecycleRequests.Started(await rig.RunApplicationAsync());
        LifecycleRequests.Started(await rig.RunPipelineAsync(LifecycleRequests.Pipeline(schedule: null)));
        Assert.True((await rig.DeleteAsync(AgentRig.PipelineFqn)).Ok);

        var requests = rig.Recorder.Requests;
        Assert.Contains(requests, r => r.Method == "DELETE" && r.Route == "/api/v1/cron-workflows/{namespace}/{name}" && r.Path.EndsWith(cronName!, StringComparison.Ordinal));
        Assert.All(requests.Where(r => r.Method is "GET" or "DELETE"), r => Assert.Null(r.RawBody));
        var sent = requests.Where(r => r.Method is "POST" or "PUT").ToList();
        Assert.Equal(BodyDefinitions.Keys.Order(), sent.Select(r => $"{r.Method} {r.Route}").Distinct().Order());
        foreach (var request in sent)
        {
            var definition = BodyDefinitions[$"{request.Method} {request.Route}"];
            Assert.True(schema.Defines(definition), $"{definition} missing from {schema.Source}");
            Assert.NotNull(request.Body);
            Assert.Empty(schema.Validate(request.Body, definition).Select(error => $"{request.Method} {request.Route} {error}"));
            if (WorkflowIn(request.Body) is { } workflow)
            {
                Assert.Empty(ArgoRequestRules.CheckWorkflow(workflow));
            }
        }
    }

    /// <summary>The Workflow a body carries, or the one its CronWorkflow would start.</summary>
    private static JsonNode? WorkflowIn(JsonNode body) =>
        body["workflow"] ?? (body["cronWorkflow"]?["spec"]?["workflowSpec"] is { } spec ? new JsonObject { ["spec"] = spec.DeepClone() } : null);
}
