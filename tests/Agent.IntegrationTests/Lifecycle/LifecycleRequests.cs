using System.Text.Json;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.Infrastructure;
using Agent.Sandbox.ControlPlane.Api;

namespace Agent.IntegrationTests.Lifecycle;

/// <summary>The lifecycle operations as the control plane sends them, over an <see cref="AgentRig"/>.</summary>
internal static class LifecycleRequests
{
    public static PipelineInfo Pipeline(
        string fqn = AgentRig.PipelineFqn, string? name = null, string type = "metadata", string? schedule = "0 2 * * *", string? timezone = "UTC", bool enabled = true) =>
        new(fqn, name ?? fqn.Split('.')[^1], type, enabled, schedule, timezone, Retries: 0, RetryDelaySeconds: 0, LoggerLevel: "INFO");

    public static Task<ResultPayload> DeployAsync(this AgentRig rig, PipelineInfo pipeline) =>
        rig.SendAsync(MessageTypes.PipelineDeploy, JsonSerializer.SerializeToElement(
            new PipelineDeployRequest(pipeline, Config()), ProtocolJsonContext.Default.PipelineDeployRequest));

    /// <summary>Deploys and returns the CronWorkflow name the answer gives (null for a pipeline without schedule).</summary>
    public static async Task<string?> DeployOkAsync(this AgentRig rig, PipelineInfo pipeline)
    {
        var result = await rig.DeployAsync(pipeline);
        Assert.True(result.Ok, result.Reason);
        return result.Data!.Value.TryGetProperty("cronWorkflow", out var name) ? name.GetString() : null;
    }

    public static Task<ResultPayload> ToggleAsync(this AgentRig rig, string fqn, bool enabled) =>
        rig.SendAsync(MessageTypes.PipelineToggle, JsonSerializer.SerializeToElement(
            new PipelineToggleRequest(fqn, enabled), ProtocolJsonContext.Default.PipelineToggleRequest));

    public static Task<ResultPayload> DeleteAsync(this AgentRig rig, string fqn) =>
        rig.SendAsync(MessageTypes.PipelineDelete, RequestPayloads.PipelineFqn(fqn));

    public static Task<ResultPayload> RunAutomationAsync(this AgentRig rig, string workflowName = "test-connection-mysql-prod") =>
        rig.SendAsync(MessageTypes.AutomationRun, AutomationPayload(workflowName));

    public static JsonElement AutomationPayload(string workflowName = "test-connection-mysql-prod") =>
        JsonSerializer.SerializeToElement(
            new AutomationRunRequest(
                JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["name"] = workflowName, ["workflowType"] = "TEST_CONNECTION" }, ProtocolJsonContext.Default.DictionaryStringString),
                JsonSerializer.SerializeToElement(AutomationConfig(workflowName), ProtocolJsonContext.Default.String)),
            ProtocolJsonContext.Default.AutomationRunRequest);

    /// <summary>What run_automation.py parses: an automations Workflow with the fields it dispatches on.</summary>
    public static string AutomationConfig(string workflowName) =>
        """{"name":""" + JsonSerializer.Serialize(workflowName) + ""","workflowType":"TEST_CONNECTION","request":{"connectionType":"Mysql","serviceType":"Database","connection":{"config":{"type":"Mysql","hostPort":"mysql:3306"}}}}""";

    public static Task<ResultPayload> RunApplicationAsync(this AgentRig rig, string fqn = "OpenMetadata.DataInsightsApplication") =>
        rig.SendAsync(MessageTypes.ApplicationRun, ApplicationPayload(fqn));

    public static JsonElement ApplicationPayload(string fqn = "OpenMetadata.DataInsightsApplication") =>
        JsonSerializer.SerializeToElement(
            new ApplicationRunRequest(Pipeline(fqn, type: "application", schedule: null), JsonSerializer.SerializeToElement("{\"appName\": \"DataInsightsApplication\"}", ProtocolJsonContext.Default.String)),
            ProtocolJsonContext.Default.ApplicationRunRequest);

    public static Task<ResultPayload> RunPipelineAsync(this AgentRig rig, PipelineInfo pipeline, string? runId = null) =>
        rig.SendAsync(MessageTypes.PipelineRun, JsonSerializer.SerializeToElement(
            new PipelineRunRequest(pipeline, Config(), runId), ProtocolJsonContext.Default.PipelineRunRequest));

    public static RunStartedData Started(ResultPayload result)
    {
        Assert.True(result.Ok, result.Reason);
        return result.Data!.Value.Deserialize(ProtocolJsonContext.Default.RunStartedData)!;
    }

    private static JsonElement Config() => JsonSerializer.SerializeToElement(RequestPayloads.DefaultConfig, ProtocolJsonContext.Default.String);
}
