using System.Globalization;
using System.Text.Json;
using Agent.Core.Execution;
using Agent.Core.Logs;
using Agent.Core.Protocol;

namespace Agent.Core.Operations.Handlers;

/// <summary>
/// <c>pipeline.logs</c>: the main container's log of a run's latest attempt (the given run, else the pipeline's
/// latest), one page per request (<see cref="LogPager"/>). The executor keeps logs only for a while, so a run whose
/// logs are gone says exactly that.
/// </summary>
internal sealed class PipelineLogsHandler(IRunExecutor executor) : IOperationHandler
{
    public string Type => MessageTypes.PipelineLogs;

    public bool IsReadOnly => true;

    public async Task<OperationResult> HandleAsync(Envelope request, CancellationToken cancellationToken)
    {
        if (!PayloadReader.TryRead(request.Payload, ProtocolJsonContext.Default.PipelineLogsRequest, out var payload, out var reason))
        {
            return OperationResult.BadRequest(reason);
        }

        if (!LogPager.TryParseAfter(payload.After, out var after))
        {
            return OperationResult.BadRequest("payload field 'after' must be a page index (a non-negative whole number)");
        }

        var page = await executor.ReadLogPageAsync(payload.PipelineFqn, payload.RunId, after, cancellationToken);
        if (page is null)
        {
            return OperationResult.NotFound(payload.RunId is null
                ? $"pipeline '{payload.PipelineFqn}' has no runs of this agent"
                : $"run '{payload.RunId}' of pipeline '{payload.PipelineFqn}' is not a run of this agent");
        }

        return page.Status switch
        {
            RunLogPageStatus.NoLogs => OperationResult.NotFound(page.Reason!),
            RunLogPageStatus.PastEnd => OperationResult.BadRequest("payload field " + page.Reason),
            _ => Page(page),
        };
    }

    /// <summary>One page in OpenMetadata's shape: <c>{&lt;taskKey&gt;: text, total, after?}</c>, numbers as strings.</summary>
    private static OperationResult Page(RunLogPage page)
    {
        var result = new Dictionary<string, string>
        {
            [page.TaskKey] = page.Text,
            ["total"] = page.Total.ToString(CultureInfo.InvariantCulture),
        };
        if (page.Next is { } next)
        {
            result["after"] = next.ToString(CultureInfo.InvariantCulture);
        }

        return new OperationResult(ResultCodes.Ok, Data: JsonSerializer.SerializeToElement(result, ProtocolJsonContext.Default.DictionaryStringString));
    }
}
