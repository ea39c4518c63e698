using Agent.Core.Identity;
using Agent.Core.Link;
using Agent.Core.Operations;
using Agent.Core.Runs;
using Agent.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Agent.Web.Admin;

/// <summary>The admin API: what the agent is connected to and what it is running.</summary>
internal static class AdminEndpoints
{
    public const int MaxPageSize = 500;

    private const string DrainDescription =
        "A drain belongs to the agent process, not to a control-plane session: a reconnect (forced or not) keeps it, "
        + "and only DELETE /admin/drain or a restart ends it. While drained every new request is answered 503, "
        + "/ready is unavailable, GET /admin/connection shows draining and drainingSince, and the gauge "
        + "collate_hybrid_agent_draining is 1. The control plane is not told: protocol v1 has no drain message.";

    public static WebApplication MapAdminApi(this WebApplication app)
    {
        var admin = app.MapGroup("/admin").RequireListener(ListenerKind.Admin).AddEndpointFilter<AdminKeyFilter>().WithTags("Admin");
        admin.MapGet("/connection", GetConnection).WithName("GetConnection").WithSummary("State of the control-plane link");
        admin.MapGet("/jobs", GetJobs).WithName("GetJobs").WithSummary("Runs the agent tracks, newest first; filter by pipeline FQN and state");
        admin.MapGet("/jobs/{runId}", GetJob).WithName("GetJob").WithSummary("One run by id");
        admin.MapGet("/jobs/{runId}/logs", JobLogsEndpoint.GetJobLogsAsync).WithName("GetJobLogs")
            .WithSummary("One page of a run's log, paged like pipeline.logs, and the run's recent transitions from its workflow's status")
            .WithDescription(JobLogsEndpoint.Description);
        admin.MapPost("/connection/reconnect", Reconnect).WithName("Reconnect")
            .WithSummary("End the current control-plane session, or cut the back-off wait; the agent dials again at once (reliable messages are resent)")
            .WithDescription(
                "202 when a session was ended or a back-off wait was cut short, including the longest wait after a refusal "
                + "(4001 unauthorized, 4003, 4004): use it once the cause is fixed on the control plane. The retry sends the same "
                + "AUTH_TOKEN, which the agent reads at start. The log says so (event 1008) and GET /admin/connection shows "
                + "reconnectRequestedAt. 409 while a dial is under way: there is nothing to cut. A drain is kept across it.");
        admin.MapPost("/drain", Drain).WithName("Drain")
            .WithSummary("Stop taking new work; in-flight operations finish; /ready turns unavailable")
            .WithDescription(DrainDescription);
        admin.MapDelete("/drain", Undrain).WithName("Undrain")
            .WithSummary("Undo POST /admin/drain: take new work again; /ready follows the connection again")
            .WithDescription(DrainDescription + " Answers 409 while the agent is shutting down, which cannot be undone.");
        admin.MapGet("/diagnostics", DiagnosticsEndpoints.GetDiagnosticsAsync).WithName("GetDiagnostics")
            .WithSummary("Versions, the executor, effective configuration (secrets redacted) and a reachability check of Argo or the Kubernetes API server");
        return app;
    }

    public static Ok<ConnectionView> GetConnection(
        ConnectionState state, AgentIdentity identity, RequestDispatcher dispatcher)
    {
        var current = state.Current;
        return TypedResults.Ok(new ConnectionView(
            current.Status.ToString(),
            identity.AgentId,
            identity.InstanceId,
            AgentIdentity.Version,
            current.ServerUrl,
            current.SessionId,
            current.ConnectedSince,
            current.LastFrameAt,
            current.LastHeartbeatRoundTrip?.TotalMilliseconds,
            current.ReconnectCount,
            current.LastCloseCode,
            current.LastCloseReason,
            current.OutboxDepth,
            dispatcher.InFlight,
            dispatcher.IsDraining,
            dispatcher.DrainingSince,
            current.NextAttemptAt,
            current.ReconnectRequestedAt));
    }

    public static Results<Ok<JobsPage>, BadRequest<string>> GetJobs(
        RunRegistry registry, ReliableOutbox outbox, string? pipeline = null, string? state = null, int page = 1, int pageSize = 50)
    {
        if (page < 1 || pageSize is < 1 or > MaxPageSize)
        {
            return TypedResults.BadRequest($"page must be ≥ 1 and pageSize between 1 and {MaxPageSize}");
        }

        var matching = registry.All()
            .Where(run => pipeline is null || run.PipelineFqn == pipeline)
            .Where(run => state is null || string.Equals(run.State, state, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var items = matching.Skip((page - 1) * pageSize).Take(pageSize).Select(run => ToView(run, outbox.AckedSeq)).ToList();
        return TypedResults.Ok(new JobsPage(items, matching.Count, page, pageSize));
    }

    public static Results<Ok<JobView>, NotFound> GetJob(string runId, RunRegistry registry, ReliableOutbox outbox) =>
        registry.Find(runId) is { } run ? TypedResults.Ok(ToView(run, outbox.AckedSeq)) : TypedResults.NotFound();

    public static Results<Accepted, Conflict<string>> Reconnect(SessionControl control) =>
        control.RequestReconnect()
            ? TypedResults.Accepted((string?)null)
            : TypedResults.Conflict("the agent is dialling the control plane right now: there is no session to end and no back-off wait to cut");

    public static Accepted<DrainView> Drain(RequestDispatcher dispatcher)
    {
        var since = dispatcher.Drain();
        return TypedResults.Accepted((string?)null, new DrainView(true, since, dispatcher.InFlight));
    }

    public static Results<Ok<DrainView>, Conflict<string>> Undrain(RequestDispatcher dispatcher) =>
        dispatcher.Undrain()
            ? TypedResults.Ok(new DrainView(false, null, dispatcher.InFlight))
            : TypedResults.Conflict("the agent is shutting down: its drain cannot be undone; a new pod takes the work");

    private static JobView ToView(RunRecord run, long ackedSeq) => new(
        run.RunId,
        run.PipelineFqn,
        run.PipelineType,
        run.WorkflowName,
        run.State,
        run.CreatedAt,
        run.StartedAt,
        run.FinishedAt,
        run.Message,
        run.LastStatusSeq,
        run.LastStatusSeq is { } seq ? seq <= ackedSeq : null);
}
