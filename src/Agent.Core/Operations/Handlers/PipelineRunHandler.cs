using Agent.Core.Identity;
using Agent.Core.Execution;
using Agent.Core.Ingestion;
using Agent.Core.Protocol;

namespace Agent.Core.Operations.Handlers;

/// <summary>
/// <c>pipeline.run</c>: validates the request and starts the run (see <see cref="RunStarter"/>).
/// </summary>
internal sealed class PipelineRunHandler(RunStarter starter, SecretsManagerConfig secretsManager, AgentIdentity identity, RunTextRules textRules) : IOperationHandler
{
    public string Type => MessageTypes.PipelineRun;

    public async Task<OperationResult> HandleAsync(Envelope request, CancellationToken cancellationToken)
    {
        if (!PayloadReader.TryRead(request.Payload, ProtocolJsonContext.Default.PipelineRunRequest, out var payload, out var reason))
        {
            return OperationResult.BadRequest(reason);
        }

        var config = secretsManager.Apply(payload.Config);
        var invalid = RunRequestValidation.Validate(payload.Pipeline, config, payload.RunId, textRules.RefusesArgoTemplateTags);
        if (invalid is not null)
        {
            return OperationResult.BadRequest(invalid);
        }

        var run = new RunRequest(
            string.IsNullOrWhiteSpace(payload.RunId) ? RequestRunIds.ForRequest(identity.AgentId, request.Id) : payload.RunId,
            payload.Pipeline.FullyQualifiedName,
            payload.Pipeline.Name,
            payload.Pipeline.PipelineType,
            RunRequestValidation.ConfigText(config),
            RunKinds.For(payload.Pipeline.PipelineType),
            payload.Pipeline.Retries ?? 0,
            payload.Pipeline.RetryDelaySeconds ?? 0);
        return await starter.StartAsync(run, cancellationToken);
    }
}
