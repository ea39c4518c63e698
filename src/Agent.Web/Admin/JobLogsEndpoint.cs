using Agent.Core.Execution;
using Agent.Core.Executors.Argo;
using Agent.Core.Runs;
using Agent.Core.Logs;
using Agent.Core.Operations.Handlers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Agent.Web.Admin;

/// <summary><c>GET /admin/jobs/{runId}/logs</c>: what an operator on call reads instead of <c>kubectl logs</c> and <c>kubectl describe</c>.</summary>
internal static class JobLogsEndpoint
{
    /// <summary>The most transitions one answer carries, the latest ones.</summary>
    public const int MaxEvents = 50;

    public const string Description =
        "One page of the run's log, the main container of its latest attempt, paged exactly as the control plane's "
        + "pipeline.logs: pages of just under 1 MiB, `after` the page index (0 when absent), the answer's `after` the next "
        + "page's (absent on the last page), `total` a lower bound (after + 2) until the last page. `logs` is null and "
        + "`logsUnavailable` says why when Argo has no log (pods not started, or removed after the run). `events` are not "
        + "Kubernetes Events: they are the workflow's and its nodes' transitions read from the workflow's status "
        + "(startedAt, finishedAt, phase, message), oldest first, the latest 50. 400 for a run id that is not a "
        + "canonical lower-case UUID or a bad `after`; 404 for a run this agent does not track or whose workflow is gone.";

    public static async Task<Results<Ok<JobLogsView>, BadRequest<string>, NotFound<string>, ProblemHttpResult>> GetJobLogsAsync(
        string runId, [AsParameters] JobLogsServices services, string? after = null, CancellationToken cancellationToken = default)
    {
        if (!RunRequestValidation.IsRunId(runId))
        {
            return TypedResults.BadRequest(
                "runId must be a UUID in canonical lower-case form (8-4-4-4-12 hex digits), as OpenMetadata makes run ids and GET /admin/jobs lists them");
        }

        if (!LogPager.TryParseAfter(after, out var page))
        {
            return TypedResults.BadRequest("query parameter 'after' must be a page index (a non-negative whole number)");
        }

        if (services.Registry.Find(runId) is not { } run)
        {
            return TypedResults.NotFound($"run '{runId}' is not tracked by this agent; GET /admin/jobs lists the runs it tracks");
        }

        if (services.Argo is null || services.Owned is null)
        {
            return await ReadThroughExecutorAsync(services.Executor, run, page, cancellationToken);
        }

        try
        {
            var workflow = await services.Owned.FindAsync(run.PipelineFqn, runId, cancellationToken);
            if (workflow is null)
            {
                return TypedResults.NotFound($"run '{runId}' has no workflow in Argo any more (it was '{run.WorkflowName}'): it was deleted");
            }

            var logs = await RunLogReader.ReadPageAsync(services.Argo, workflow, page, cancellationToken);
            if (logs.Status == RunLogPageStatus.PastEnd)
            {
                return TypedResults.BadRequest("query parameter " + logs.Reason);
            }

            var found = logs.Status == RunLogPageStatus.Page;
            return TypedResults.Ok(new JobLogsView(
                runId,
                run.PipelineFqn,
                workflow.Name,
                logs.TaskKey,
                page,
                found ? logs.Text : null,
                logs.Reason,
                found ? logs.Total : null,
                found ? logs.Next : null,
                NodeTransitions.Recent(workflow, MaxEvents)));
        }
        catch (ArgoException ex)
        {
            var status = ex.Kind == ArgoErrorKind.Unavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status502BadGateway;
            return TypedResults.Problem($"the Argo Server failed ({ex.Kind}): {ex.Message}", statusCode: status);
        }
    }

    /// <summary>The Kubernetes executor's log, paged the same way; it has no workflow status, so no events.</summary>
    private static async Task<Results<Ok<JobLogsView>, BadRequest<string>, NotFound<string>, ProblemHttpResult>> ReadThroughExecutorAsync(
        IRunExecutor executor, RunRecord run, int page, CancellationToken cancellationToken)
    {
        try
        {
            var logs = await executor.ReadLogPageAsync(run.PipelineFqn, run.RunId, page, cancellationToken);
            if (logs is null)
            {
                return TypedResults.NotFound($"run '{run.RunId}' has no Job any more (it was '{run.WorkflowName}'): it was deleted");
            }

            if (logs.Status == RunLogPageStatus.PastEnd)
            {
                return TypedResults.BadRequest("query parameter " + logs.Reason);
            }

            var found = logs.Status == RunLogPageStatus.Page;
            return TypedResults.Ok(new JobLogsView(
                run.RunId, run.PipelineFqn, run.WorkflowName, logs.TaskKey, page,
                found ? logs.Text : null, logs.Reason, found ? logs.Total : null, found ? logs.Next : null, []));
        }
        catch (ExecutorException ex)
        {
            var status = ex.Kind == ExecutorErrorKind.Unavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status502BadGateway;
            return TypedResults.Problem($"the Kubernetes API server failed ({ex.Kind}): {ex.Message}", statusCode: status);
        }
    }
}
