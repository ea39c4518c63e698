using System.Text.Json;
using Agent.Core.Identity;
using Agent.Core.Execution;
using Agent.Core.Ingestion;
using Agent.Core.Protocol;

namespace Agent.Core.Operations.Handlers;

/// <summary>
/// <c>automation.run</c> (test connection and other automations): a workflow running the ingestion image's automation
/// entrypoint with the automation's own, smaller resources and a short time to live. The container reports its
/// result to the server itself; the agent only launches it and follows its state.
/// </summary>
internal sealed class AutomationRunHandler(RunStarter starter, SecretsManagerConfig secretsManager, AgentIdentity identity, RunTextRules textRules) : IOperationHandler
{
    public const string PipelineType = RunKinds.AutomationPipelineType;

    public string Type => MessageTypes.AutomationRun;

    public async Task<OperationResult> HandleAsync(Envelope request, CancellationToken cancellationToken)
    {
        if (!PayloadReader.TryRead(request.Payload, ProtocolJsonContext.Default.AutomationRunRequest, out var payload, out var reason))
        {
            return OperationResult.BadRequest(reason);
        }

        if (payload.Workflow.ValueKind != JsonValueKind.Object)
        {
            return OperationResult.BadRequest("payload field 'workflow' must be the automation workflow object");
        }

        var name = Text(payload.Workflow, "name") ?? PipelineType;
        var sentConfig = payload.Config.ValueKind is JsonValueKind.String or JsonValueKind.Object;
        var configField = sentConfig ? "config" : "workflow";
        var config = RunRequestValidation.ConfigText(secretsManager.Apply(sentConfig ? payload.Config : payload.Workflow));
        var fqn = Text(payload.Workflow, "fullyQualifiedName");
        if ((RunRequestValidation.ConfigSizeProblem(configField, config)
             ?? (textRules.RefusesArgoTemplateTags ? RunRequestValidation.TemplateTagProblem((configField, config), ("workflow.fullyQualifiedName", fqn), ("workflow.name", name)) : null)) is { } problem)
        {
            return OperationResult.BadRequest(problem);
        }

        var run = new RunRequest(
            RequestRunIds.ForRequest(identity.AgentId, request.Id),
            fqn ?? name,
            name,
            PipelineType,
            config,
            RunKind.Automation);
        return await starter.StartAsync(run, cancellationToken);
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : null;
}
