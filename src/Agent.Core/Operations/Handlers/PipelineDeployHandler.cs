using Agent.Core.Execution;
using Agent.Core.Ingestion;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;

namespace Agent.Core.Operations.Handlers;

/// <summary>
/// <c>pipeline.deploy</c>: the pipeline's one schedule, created or updated in place (no duplicate, and the runs it
/// already made stay). A pipeline without a schedule has none; its runs are started on request.
/// </summary>
internal sealed class PipelineDeployHandler(IPipelineScheduler scheduler, SecretsManagerConfig secretsManager, RunTextRules textRules) : IOperationHandler
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
        if ((RunRequestValidation.Validate(pipeline, config, null, textRules.RefusesArgoTemplateTags) ?? timezoneProblem) is { } invalid)
        {
            return OperationResult.BadRequest(invalid);
        }

        // Each scheduled run's id is the executor's to give; the template carries everything else a run needs.
        var template = new RunRequest(
            string.Empty,
            pipeline.FullyQualifiedName,
            pipeline.Name,
            pipeline.PipelineType,
            RunRequestValidation.ConfigText(config),
            RunKinds.For(pipeline.PipelineType),
            pipeline.Retries ?? 0,
            pipeline.RetryDelaySeconds ?? 0);
        var scheduled = await scheduler.ScheduleAsync(new ScheduleRequest(template, pipeline.Schedule, timezone, pipeline.Enabled), cancellationToken);
        return scheduled.Status switch
        {
            ScheduleStatus.InvalidSchedule => OperationResult.BadRequest(scheduled.Reason!),
            ScheduleStatus.Refused => new OperationResult(ResultCodes.Forbidden, scheduled.Reason),
            _ => OperationResult.Success(new PipelineDeployedData(scheduled.Name), ProtocolJsonContext.Default.PipelineDeployedData),
        };
    }

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
