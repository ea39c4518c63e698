using System.Globalization;
using System.Text.Json;
using Agent.Core.Argo;
using Agent.Core.Identity;
using Agent.Core.Logs;
using Agent.Core.Protocol;

namespace Agent.Core.Operations.Handlers;

/// <summary>
/// <c>pipeline.logs</c>: the main container's log of a run's latest attempt (the given run, else the pipeline's
/// latest), one page per request (<see cref="RunLogReader"/>). Argo serves logs only while the pods exist, so a run
/// whose pods are gone says exactly that.
/// </summary>
public sealed class PipelineLogsHandler(IArgoWorkflowClient argo, AgentIdentity identity) : IOperationHandler
{
    public string Type => MessageTypes.PipelineLogs;

    public bool IsReadOnly => true;

    public async Task<OperationResult> HandleAsync(Envelope request, CancellationToken cancellationToken)
    {
        if (!PayloadReader.TryRead(request.Payload, ProtocolJsonContext.Default.PipelineLogsRequest, out var payload, out var reason))
        {
            return OperationResult.BadRequest(reason);
        }

        if (!RunLogReader.TryParseAfter(payload.After, out var after))
        {
            return OperationResult.BadRequest("payload field 'after' must be a page index (a non-negative whole number)");
        }

        var workflow = await OwnedRuns.FindAsync(argo, identity.AgentId, payload.PipelineFqn, payload.RunId, cancellationToken);
        if (workflow is null)
        {
            return OperationResult.NotFound(payload.RunId is null
                ? $"pipeline '{payload.PipelineFqn}' has no runs of this agent"
                : $"run '{payload.RunId}' of pipeline '{payload.PipelineFqn}' is not a run of this agent");
        }

        var page = await RunLogReader.ReadPageAsync(argo, workflow, after, cancellationToken);
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
