using Agent.Core.Protocol.Messages;

namespace Agent.Gateway.Airflow;

/// <summary>
/// status: AirflowRESTClient.getQueuedPipelineStatusInternal @03fa0ab6 asks <c>status?dag_id=&amp;only_queued=true</c>
/// on every run-history read and reads the 200 body with <c>JsonUtils.readObjects(body, PipelineStatus.class)</c>.
/// Answered from the runs agents reported, without a round trip, so run history stays fast with agents away.
/// </summary>
internal static class StatusHandler
{
    /// <summary>operations/status.py: the last 10 DagRuns.</summary>
    private const int Newest = 10;

    public static async Task<IResult> StatusAsync(HttpRequest request, AirflowServices services, CancellationToken cancellationToken)
    {
        if (!AirflowRequest.TryQueryDagId(request, out var dagId, out var problem))
        {
            return problem;
        }

        var pipeline = await services.FindLiveAsync(dagId, cancellationToken);
        if (pipeline is null)
        {
            return AirflowResults.DagNotFound(dagId);
        }

        var onlyQueued = IsTruthy(request.Query["only_queued"].ToString());
        var runs = await services.Runs.RecentAsync(pipeline.PipelineFqn, Newest, cancellationToken);
        var statuses = runs
            .Where(run => !onlyQueued || run.PipelineState == PipelineStates.Queued)
            .Select(run => new PipelineStatusBody(run.PipelineState, run.RunId, run.StartDate, run.Timestamp, run.EndDate))
            .ToList();
        return TypedResults.Json(statuses, AirflowJsonContext.Default.ListPipelineStatusBody);
    }

    /// <summary>The client sends <c>only_queued=true</c>; the other spellings a Flask handler would take as set are accepted too.</summary>
    private static bool IsTruthy(string value) =>
        value.Equals("true", StringComparison.OrdinalIgnoreCase) || value is "1" || value.Equals("yes", StringComparison.OrdinalIgnoreCase);
}
