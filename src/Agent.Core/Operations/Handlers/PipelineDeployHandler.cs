using Agent.Core.Argo;
using Agent.Core.Argo.Building;
using Agent.Core.Argo.Generated.Models.Io.Argoproj.Workflow.V1alpha1;
using Agent.Core.Customization;
using Agent.Core.Ingestion;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Polly;
using Polly.Retry;

namespace Agent.Core.Operations.Handlers;

/// <summary>
/// <c>pipeline.deploy</c>: one CronWorkflow per scheduled pipeline, created or updated in place (no duplicate, and the
/// runs it already made stay). A pipeline without a schedule has no CronWorkflow; its runs are started on request.
/// </summary>
public sealed class PipelineDeployHandler(IArgoCronWorkflowClient cron, CronWorkflowFactory factory, LocalPolicy policy, SecretsManagerConfig secretsManager) : IOperationHandler
{
    public string Type => MessageTypes.PipelineDeploy;

    public async Task<OperationResult> HandleAsync(Envelope request, CancellationToken cancellationToken)
    {
        if (!PayloadReader.TryRead(request.Payload, ProtocolJsonContext.Default.PipelineDeployRequest, out var payload, out var reason))
        {
            return OperationResult.BadRequest(reason);
        }

        var pipeline = payload.Pipeline;
        var config = secretsManager.Apply(payload.Config);
        var timezoneProblem = TimezoneProblem(pipeline.Timezone, out var timezone);
        if ((RunRequestValidation.Validate(pipeline, config, null) ?? timezoneProblem) is { } invalid)
        {
            return OperationResult.BadRequest(invalid);
        }

        pipeline = pipeline with { Timezone = timezone };

        var name = CronWorkflowFactory.NameFor(pipeline.FullyQualifiedName, pipeline.Name);
        if (string.IsNullOrWhiteSpace(pipeline.Schedule))
        {
            await cron.DeleteAsync(name, cancellationToken);
            return OperationResult.Success(new PipelineDeployedData(null), ProtocolJsonContext.Default.PipelineDeployedData);
        }

        var expression = ScheduleExpressions.ToCron(pipeline.Schedule, out var scheduleProblem);
        if (expression is null)
        {
            return OperationResult.BadRequest(scheduleProblem!);
        }

        var kind = pipeline.PipelineType == "application" ? RunKind.Application : RunKind.Ingestion;
        var cronWorkflow = await factory.BuildAsync(pipeline, RunRequestValidation.ConfigText(config), expression, kind, cancellationToken);
        if (policy.Refusal(pipeline.PipelineType, WorkflowCustomizer.Images(cronWorkflow.Spec!.WorkflowSpec!)) is { } refusal)
        {
            return new OperationResult(ResultCodes.Forbidden, refusal);
        }

        await CreateOrUpdateAsync(name, cronWorkflow, cancellationToken);
        return OperationResult.Success(new PipelineDeployedData(name), ProtocolJsonContext.Default.PipelineDeployedData);
    }

    /// <summary>Two deploys of one pipeline may race; a conflict means "read the new version and apply again".</summary>
    private static readonly ResiliencePipeline OnConflict = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<ArgoException>(ex => ex.Kind == ArgoErrorKind.AlreadyExists),
            MaxRetryAttempts = 2,
            Delay = TimeSpan.Zero,
        })
        .Build();

    private Task CreateOrUpdateAsync(string name, CronWorkflow cronWorkflow, CancellationToken cancellationToken) =>
        OnConflict.ExecuteAsync(
            async token =>
            {
                var version = await cron.GetResourceVersionAsync(name, token);
                if (version is null)
                {
                    await cron.CreateAsync(cronWorkflow, token);
                }
                else
                {
                    cronWorkflow.Metadata!.ResourceVersion = version;
                    await cron.UpdateAsync(cronWorkflow, token);
                }
            },
            cancellationToken).AsTask();

    /// <summary>
    /// .NET also finds Windows ids ("Pacific Standard Time"), which Argo's Go runtime does not know, so only IANA ids
    /// pass; any spelling of one ("europe/paris") is sent as the time zone database spells it.
    /// </summary>
    private static string? TimezoneProblem(string? requested, out string? timezone)
    {
        timezone = null;
        if (string.IsNullOrWhiteSpace(requested))
        {
            return null;
        }

        // Looked up case-insensitively on purpose: .NET's own lookup only ignores case for zones it has cached,
        // which would make the answer depend on what was asked before.
        var wanted = requested.Trim();
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(wanted, out var found)
            ? found
            : TimeZoneInfo.GetSystemTimeZones().FirstOrDefault(candidate => string.Equals(candidate.Id, wanted, StringComparison.OrdinalIgnoreCase));
        if (zone is { HasIanaId: true })
        {
            timezone = zone.Id;
            return null;
        }

        return $"payload field 'pipeline.timezone' must be an IANA time zone such as 'UTC' or 'Europe/Paris' (got '{requested}')";
    }
}
