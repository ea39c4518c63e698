using System.Globalization;
using System.Text;
using System.Text.Json;
using Agent.Core.Argo;
using Agent.Core.ControlPlane;
using Agent.Core.Logs;
using Agent.Core.Protocol;
using Microsoft.Extensions.Options;

namespace Agent.Core.Operations.Handlers;

/// <summary>
/// <c>pipeline.logs</c>: the main container's log of a run (the given one, else the pipeline's latest), one page
/// per request. Argo serves logs only while the pods exist, so a run whose pods are gone says exactly that.
/// </summary>
public sealed class PipelineLogsHandler(IArgoWorkflowClient argo, IOptions<ControlPlaneOptions> controlPlane) : IOperationHandler
{
    /// <summary>Argo names the container of a container template <c>main</c>, whatever the template calls it.</summary>
    public const string Container = "main";

    public string Type => MessageTypes.PipelineLogs;

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

        var text = await ReadAllAsync(workflow.Name, cancellationToken);
        if (text.Length == 0)
        {
            return OperationResult.NotFound(workflow.IsCompleted
                ? $"logs of workflow '{workflow.Name}' are no longer available: its pods were removed after the run finished"
                : $"workflow '{workflow.Name}' has no logs yet: its pods have not started");
        }

        return Page(LogPager.Split(text), after, LogPager.TaskKey(workflow.Label(WorkflowLabels.PipelineType) ?? string.Empty));
    }

    private async Task<string> ReadAllAsync(string workflowName, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        await foreach (var line in argo.ReadLogsAsync(workflowName, Container, cancellationToken))
        {
            text.Append(line.Content).Append('\n');
        }

        return text.ToString();
    }

    private static OperationResult Page(IReadOnlyList<string> chunks, int after, string taskKey)
    {
        if (after >= chunks.Count)
        {
            return OperationResult.BadRequest($"payload field 'after' is {after}, but the log has {chunks.Count} pages");
        }

        var page = new Dictionary<string, string>
        {
            [taskKey] = chunks[after],
            ["total"] = chunks.Count.ToString(CultureInfo.InvariantCulture),
        };
        if (after + 1 < chunks.Count)
        {
            page["after"] = (after + 1).ToString(CultureInfo.InvariantCulture);
        }

        return new OperationResult(ResultCodes.Ok, Data: JsonSerializer.SerializeToElement(page, ProtocolJsonContext.Default.DictionaryStringString));
    }
}
