using Microsoft.AspNetCore.Http.HttpResults;

namespace Agent.Sandbox.ControlPlane.Api;

/// <summary>The sandbox REST API under <c>/sandbox</c>: what the emulated control plane saw, and levers to drive it.</summary>
internal static class SandboxApi
{
    public static IEndpointRouteBuilder MapSandboxApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/sandbox").WithTags("Sandbox control plane");
        group.MapGet("/info", GetInfo).WithName("GetSandboxInfo").WithSummary("This sandbox process: its instance id (--instance-id) and start time");
        group.MapGet("/agents", GetAgents).WithName("GetAgents").WithSummary("Every agent id seen, with its session, instance id and last hello");
        group.MapGet("/agents/{agentId}", GetAgent).WithName("GetAgent")
            .WithSummary("One agent: connected, sessionId and the instanceId of its last hello (404 if never seen)");
        group.MapGet("/statuses", GetStatuses).WithName("GetStatuses").WithSummary("run.status events received; filter by agentId, pipelineFqn, runId");
        group.MapGet("/reconciled", GetReconciled).WithName("GetReconciled").WithSummary("Final states only a runs.reconcile answer gave");
        group.MapGet("/stats", GetStats).WithName("GetStats").WithSummary("Control-plane counters");
        group.MapGet("/violations", GetViolations).WithName("GetViolations").WithSummary("Protocol violations the agents committed");
        group.MapGet("/errors", GetErrors).WithName("GetErrors").WithSummary("error messages the agents sent");
        group.MapGet("/agents/{agentId}/frames", GetFrames).WithName("GetFrames").WithSummary("The agent's recent raw frames; ?direction=received|sent");
        group.MapRequestRoutes();
        group.MapControlRoutes();
        return endpoints;
    }

    public static Ok<SandboxInstance> GetInfo(SandboxInstance instance) => TypedResults.Ok(instance);

    public static Ok<IReadOnlyList<AgentSnapshot>> GetAgents(ControlPlaneServer server) => TypedResults.Ok(server.GetAgents());

    public static Results<Ok<AgentSnapshot>, NotFound<ApiError>> GetAgent(string agentId, ControlPlaneServer server) =>
        server.GetAgents().FirstOrDefault(agent => agent.Id == agentId) is { } found
            ? TypedResults.Ok(found)
            : TypedResults.NotFound(new ApiError($"agent {agentId} never connected"));

    public static Ok<IReadOnlyList<ReceivedStatus>> GetStatuses(
        ControlPlaneServer server, string? agentId = null, string? pipelineFqn = null, string? runId = null) =>
        TypedResults.Ok(server.GetStatuses(agentId, pipelineFqn, runId));

    /// <summary>Final states that only a <c>runs.reconcile</c> answer gave (protocol §7.1), each run once.</summary>
    public static Ok<IReadOnlyList<ReceivedStatus>> GetReconciled(ControlPlaneServer server, string? agentId = null, string? runId = null) =>
        TypedResults.Ok(server.GetReconciled(agentId, runId));

    public static Ok<ControlPlaneStatsSnapshot> GetStats(ControlPlaneServer server) => TypedResults.Ok(server.Stats.Snapshot());

    public static Ok<IReadOnlyList<ProtocolViolation>> GetViolations(ControlPlaneServer server) => TypedResults.Ok(server.GetViolations());

    /// <summary>The agent's recent raw text frames; <c>?direction=received</c> or <c>sent</c> keeps one way only.</summary>
    public static Ok<IReadOnlyList<RecordedFrame>> GetFrames(string agentId, ControlPlaneServer server, FrameDirection? direction = null) =>
        TypedResults.Ok(server.GetFrames(agentId, direction));

    public static Ok<IReadOnlyList<ReceivedError>> GetErrors(ControlPlaneServer server) => TypedResults.Ok(server.GetErrors());
}
