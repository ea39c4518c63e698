using System.Globalization;
using System.Text.Json;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;

namespace Agent.Gateway.Airflow;

/// <summary>
/// last_dag_logs: AirflowRESTClient.getLastIngestionLogs @03fa0ab6 asks <c>?after=&amp;dag_id=&amp;task_id=</c> (in
/// that order, <c>after</c> only when paging) and reads the 200 body as <c>Map&lt;String,String&gt;</c>, handed to the UI
/// as is: the log under <c>task_id</c>, and <c>total</c> / <c>after</c> as strings.
/// </summary>
internal static class LogsHandler
{
    private const string Total = "total";
    private const string After = "after";

    public static async Task<IResult> LastDagLogsAsync(HttpRequest request, AirflowServices services, CancellationToken cancellationToken)
    {
        if (!AirflowRequest.TryQueryDagId(request, out var dagId, out var problem))
        {
            return problem;
        }

        var taskId = request.Query["task_id"].ToString();
        if (taskId.Length == 0)
        {
            return AirflowResults.BadRequest("Missing task_id argument in the request");
        }

        var after = request.Query[After].ToString();
        if (after.Length > 0 && !int.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return AirflowResults.BadRequest($"'after' must be a non-negative whole number, not '{after}'");
        }

        var pipeline = await services.FindLiveAsync(dagId, cancellationToken);
        if (pipeline is null)
        {
            return AirflowResults.DagNotFound(dagId);
        }

        var logs = new PipelineLogsRequest(pipeline.PipelineFqn, After: after.Length > 0 ? after : null);
        var reply = await services.SendAsync(pipeline.AgentId, MessageTypes.PipelineLogs, logs, ProtocolJsonContext.Default.PipelineLogsRequest, services.Settings.RequestTimeout, cancellationToken);
        if (AgentOutcome.Failure(reply, pipeline.AgentId, "read the logs", passNotFound: true) is { } failure)
        {
            return failure;
        }

        return reply.Result!.Data is { ValueKind: JsonValueKind.Object } data
            ? TypedResults.Json(Page(data, taskId), AirflowJsonContext.Default.DictionaryStringString)
            : AirflowResults.Error(StatusCodes.Status500InternalServerError, $"agent '{pipeline.AgentId}' answered the logs without a page");
    }

    /// <summary>
    /// The agent keys the text by the task key of its pipeline type (protocol: pipeline.logs); OpenMetadata looks it up
    /// under the <c>task_id</c> it asked for (PipelineServiceClientInterface.taskKeyOf), so the text moves there.
    /// </summary>
    private static Dictionary<string, string> Page(JsonElement data, string taskId)
    {
        var page = new Dictionary<string, string>(StringComparer.Ordinal) { [taskId] = string.Empty };
        foreach (var property in data.EnumerateObject())
        {
            var text = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            page[property.Name is Total or After ? property.Name : taskId] = text;
        }

        page.TryAdd(Total, "1");
        return page;
    }
}
