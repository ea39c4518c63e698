using Agent.Core.Identity;
using Agent.Core.Execution;
using Agent.Core.Ingestion;
using Agent.Core.Protocol;

namespace Agent.Core.Operations.Handlers;

/// <summary><c>application.run</c>: an application pipeline, run like any other with the applications entrypoint.</summary>
internal sealed class ApplicationRunHandler(RunStarter starter, SecretsManagerConfig secretsManager, AgentIdentity identity, RunTextRules textRules) : IOperationHandler
{
    public string Type => MessageTypes.ApplicationRun;

    public async Task<OperationResult> HandleAsync(Envelope request, CancellationToken cancellationToken)
    {
        if (!PayloadReader.TryRead(request.Payload, ProtocolJsonContext.Default.ApplicationRunRequest, out var payload, out var reason))
        {
            return OperationResult.BadRequest(reason);
        }

        var config = secretsManager.Apply(payload.Config);
        if (RunRequestValidation.Validate(payload.Pipeline, config, null, textRules.RefusesArgoTemplateTags) is { } invalid)
        {
            return OperationResult.BadRequest(invalid);
        }

        var run = new RunRequest(
            RequestRunIds.ForRequest(identity.AgentId, request.Id),
            payload.Pipeline.FullyQualifiedName,
            payload.Pipeline.Name,
            payload.Pipeline.PipelineType,
            RunRequestValidation.ConfigText(config),
            RunKind.Application);
        return await starter.StartAsync(run, cancellationToken);
    }
}
