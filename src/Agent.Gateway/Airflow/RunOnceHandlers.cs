using System.Text.Json;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;

namespace Agent.Gateway.Airflow;

/// <summary>run_automation and run_application: one-off runs that are not deployed pipelines.</summary>
internal static class RunOnceHandlers
{
    /// <summary>
    /// Application ingestion pipelines belong to OpenMetadata's own metadata service, named this; an app run is routed
    /// like them, so one rule (or the default agent) places every app.
    /// </summary>
    private const string ApplicationService = "OpenMetadata";

    /// <summary>
    /// run_automation: AirflowRESTClient.runAutomationsWorkflow @03fa0ab6 posts the automations Workflow
    /// (<c>JsonUtils.pojoToJson(workflow)</c>) and needs a 200; the result comes back through OpenMetadata's API, not here.
    /// </summary>
    public static async Task<IResult> RunAutomationAsync(HttpRequest request, AirflowServices services, CancellationToken cancellationToken)
    {
        var (workflow, problem) = await AirflowRequest.ReadObjectAsync(request, cancellationToken);
        if (problem is not null
            || !AirflowRequest.TryString(workflow, "name", out var name, out problem)
            || !AirflowRequest.TryString(workflow, "workflowType", out _, out problem))
        {
            return problem;
        }

        if (AirflowRequest.Find(workflow, "request") is not { ValueKind: JsonValueKind.Object } body)
        {
            return AirflowResults.BadRequest("Request Validation Error parsing payload: 'request' must be an object");
        }

        var runner = AirflowRequest.Find(body, "ingestionRunner") switch
        {
            { ValueKind: JsonValueKind.String } text => text.GetString(),
            { ValueKind: JsonValueKind.Object } reference => AirflowRequest.Find(reference, "name")?.GetString(),
            _ => null,
        };
        var serviceName = AirflowRequest.Find(body, "serviceName") is { ValueKind: JsonValueKind.String } s ? s.GetString() : null;
        var agentId = services.Router.ForTestConnection(runner, serviceName).AgentId;
        if (agentId is null)
        {
            return AirflowResults.Error(StatusCodes.Status500InternalServerError,
                $"no agent runs automations of service '{serviceName}': add a route for it, or a defaultAgent, to GATEWAY_AGENTS_FILE");
        }

        // run_automation.py parses the Workflow itself; it goes to the container as JSON text (protocol: automation.run).
        var run = new AutomationRunRequest(workflow, JsonSerializer.SerializeToElement(workflow.GetRawText(), ProtocolJsonContext.Default.String));
        var reply = await services.SendAsync(agentId, MessageTypes.AutomationRun, run, ProtocolJsonContext.Default.AutomationRunRequest, services.Settings.RequestTimeout, cancellationToken);
        return AgentOutcome.Failure(reply, agentId, "run the automation") ?? AirflowResults.Message($"Workflow [{name}] has been triggered.");
    }

    /// <summary>
    /// run_application: AirflowRESTClient.runApplicationFlow @03fa0ab6 posts the App to <c>APP_TRIGGER</c>
    /// (PipelineServiceClientInterface: <c>"run_application"</c>) through sendPost, which needs a 200. The stock plugin
    /// has no such route; the gateway runs the app once on its agent.
    /// </summary>
    public static async Task<IResult> RunApplicationAsync(HttpRequest request, AirflowServices services, CancellationToken cancellationToken)
    {
        var (app, problem) = await AirflowRequest.ReadObjectAsync(request, cancellationToken);
        if (problem is not null || !AirflowRequest.TryString(app, "name", out var name, out problem))
        {
            return problem;
        }

        // App.ingestionRunner (app.json) names the runner when the app supports one; otherwise apps route as their pipelines do.
        var runner = AirflowRequest.Find(app, "ingestionRunner.name") is { ValueKind: JsonValueKind.String } r ? r.GetString() : null;
        var agentId = services.Router.ForTestConnection(runner, ApplicationService).AgentId;
        if (agentId is null)
        {
            return AirflowResults.Error(StatusCodes.Status500InternalServerError,
                $"no agent runs applications (service '{ApplicationService}'): add a route for it, or a defaultAgent, to GATEWAY_AGENTS_FILE");
        }

        var fqn = AirflowRequest.Find(app, "fullyQualifiedName") is { ValueKind: JsonValueKind.String } f ? f.GetString()! : name;
        var run = new ApplicationRunRequest(new PipelineInfo(fqn, name, "application"), JsonSerializer.SerializeToElement(app.GetRawText(), ProtocolJsonContext.Default.String));
        var reply = await services.SendAsync(agentId, MessageTypes.ApplicationRun, run, ProtocolJsonContext.Default.ApplicationRunRequest, services.Settings.RequestTimeout, cancellationToken);
        return AgentOutcome.Failure(reply, agentId, "run the application") ?? AirflowResults.Message($"Application [{name}] has been triggered.");
    }
}
