using System.Globalization;
using System.Text.Json;
using Agent.Core.Argo;
using Agent.Core.ControlPlane;
using Agent.Core.Logs;
using Agent.Core.Protocol;
using Microsoft.Extensions.Options;

namespace Agent.Core.Operations.Handlers;

/// <summary>
/// <c>pipeline.logs</c>: the main container's log of a run's latest attempt (the given run, else the pipeline's
/// latest), one page per request, read from Argo's stream only up to that page. Argo serves logs only while the pods
/// exist, so a run whose pods are gone says exactly that.
/// </summary>
public sealed class PipelineLogsHandler(IArgoWorkflowClient argo, IOptions<ControlPlaneOptions> controlPlane) : IOperationHandler
{
    /// <summary>Argo names the container of a container template <c>main</c>, whatever the template calls it.</summary>
    public const string Container = "main";

    public string Type => MessageTypes.PipelineLogs;

    public bool IsReadOnly => true;

    public async Task<OperationResult> HandleAsync(Envelope request, CancellationToken cancellationToken)
    {
        if (!PayloadReader.TryRead(request.Payload, ProtocolJsonContext.Default.PipelineLogsRequest, out var payload, out var reason))
        {
            return OperationResult.BadRequest(reason);
        }

        var after = 0;
        if (payload.After is not null && (!int.TryParse(payload.After, NumberStyles.None, CultureInfo.InvariantCulture, out after) || after < 0))
        {
            return OperationResult.BadRequest("payload field 'after' must be a page index (a non-negative whole number)");
        }

        var workflow = await OwnedRuns.FindAsync(argo, controlPlane.Value.AgentId, payload.PipelineFqn, payload.RunId, cancellationToken);
        if (workflow is null)
        {
            return OperationResult.NotFound(payload.RunId is null
                ? $"pipeline '{payload.PipelineFqn}' has no runs of this agent"
                : $"run '{payload.RunId}' of pipeline '{payload.PipelineFqn}' is not a run of this agent");
        }

        // The run's own output: the main container of its latest attempt, not the exit handler's pod nor earlier attempts'.
        var main = MainPod.Latest(workflow);
        using var page = new LogPageCollector(after);
        if (main is not null)
        {
            await argo.ReadPodLogAsync(workflow.Name, ArgoPodNames.For(workflow, main), Container, page.Add, cancellationToken);
        }

        if (page.IsEmpty)
        {
            return OperationResult.NotFound(workflow.IsCompleted
                ? $"logs of workflow '{workflow.Name}' are no longer available: its pods were removed after the run finished"
                : $"workflow '{workflow.Name}' has no logs yet: its pods have not started");
        }

        if (!page.ReachedPage)
        {
            return OperationResult.BadRequest($"payload field 'after' is {after}, but the log has {page.PagesSeen} pages");
        }

        return Page(page, after, LogPager.TaskKey(workflow.Label(WorkflowLabels.PipelineType) ?? string.Empty));
    }

    /// <summary>
    /// One page in OpenMetadata's shape. Reading stops at the page, so the page count is known only on the last page;
    /// before it <c>total</c> is a lower bound, <c>after + 2</c>, which keeps OpenMetadata's UI asking for the next
    /// page while <c>after &lt; total</c> (docs/protocol.md, pipeline.logs).
    /// </summary>
    private static OperationResult Page(LogPageCollector page, int after, string taskKey)
    {
        var result = new Dictionary<string, string>
        {
            [taskKey] = page.PageText,
            ["total"] = (page.HasMore ? after + 2 : after + 1).ToString(CultureInfo.InvariantCulture),
        };
        if (page.HasMore)
        {
            result["after"] = (after + 1).ToString(CultureInfo.InvariantCulture);
        }

        return new OperationResult(ResultCodes.Ok, Data: JsonSerializer.SerializeToElement(result, ProtocolJsonContext.Default.DictionaryStringString));
    }
}
