using Agent.Core.ControlPlane;
using Agent.Core.Operations;
using Agent.Core.Runs;
using Agent.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Agent.Web.Admin;

/// <summary>The admin API: what the agent is connected to and what it is running.</summary>
public static class AdminEndpoints
{
    public const int MaxPageSize = 500;

    public static WebApplication MapAdminApi(this WebApplication app)
    {
        var admin = app.MapGroup("/admin").RequireListener(ListenerKind.Admin).AddEndpointFilter<AdminKeyFilter>().WithTags("Admin");
        admin.MapGet("/connection", GetConnection).WithName("GetConnection").WithSummary("State of the control-plane link");
        admin.MapGet("/jobs", GetJobs).WithName("GetJobs").WithSummary("Runs the agent tracks, newest first; filter by pipeline FQN and state");
        admin.MapGet("/jobs/{runId}", GetJob).WithName("GetJob").WithSummary("One run by id");
        admin.MapPost("/connection/reconnect", Reconnect).WithName("Reconnect")
            .WithSummary("End the current control-plane session; the agent dials again at once (reliable messages are resent)");
        admin.MapPost("/drain", Drain).WithName("Drain").WithSummary("Stop taking new work; in-flight operations finish; /ready turns unavailable");
        admin.MapGet("/diagnostics", DiagnosticsEndpoints.GetDiagnostics).WithName("GetDiagnostics")
            .WithSummary("Versions, effective configuration (secrets redacted) and an Argo reachability and permission check");
        return app;
    }

    public static Ok<ConnectionView> GetConnection(
        ConnectionState state, AgentInstance instance, RequestDispatcher dispatcher, IOptions<ControlPlaneOptions> options)
    {
        var current = state.Current;
        return TypedResults.Ok(new ConnectionView(
            current.Status.ToString(),
            options.Value.AgentId,
            instance.InstanceId,
            AgentInstance.Version,
            current.ServerUrl,
            current.SessionId,
            current.ConnectedSince,
            current.LastFrameAt,
            current.LastHeartbeatRoundTrip?.TotalMilliseconds,
            current.ReconnectCount,
            current.LastCloseCode,
            current.LastCloseReason,
            current.OutboxDepth,
            dispatcher.InFlight));
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
            : TypedResults.Conflict("no control-plane session to end: the agent is not connected; it is already retrying");

    public static Accepted<DrainView> Drain(RequestDispatcher dispatcher)
    {
        dispatcher.StopAccepting();
        return TypedResults.Accepted((string?)null, new DrainView(true, dispatcher.InFlight));
    }

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
