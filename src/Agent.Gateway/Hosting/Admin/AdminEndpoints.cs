using Agent.Gateway.Agents;
using Agent.Gateway.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Agent.Gateway.Hosting.Admin;

internal static class AdminEndpoints
{
    public static WebApplication MapAdminApi(this WebApplication app)
    {
        var admin = app.MapGroup("/admin").RequireListener(ListenerKind.Admin).AddEndpointFilter<AdminKeyFilter>().WithTags("admin");
        admin.MapGet("/agents", Agents).WithSummary("The agent sessions this replica holds, with their requests and runs in flight.");
        admin.MapGet("/pipelines", PipelinesAsync).WithSummary("The deployed pipelines: dag_id, FQN, agent, enabled, deploy time, pending delete.");
        return app;
    }

    /// <summary>The agent sessions this replica holds.</summary>
    private static JsonHttpResult<IReadOnlyList<AgentView>> Agents(IConnectedAgents agents, IReplicaBus bus) =>
        TypedResults.Json<IReadOnlyList<AgentView>>(
            [.. agents.Sessions.Select(a => new AgentView(
                a.AgentId, a.InstanceId, a.SessionId, a.AgentVersion, a.RemoteAddress?.ToString(), a.ConnectedAt, a.InFlightRequests, a.InFlightRuns, bus.ReplicaId))],
            AdminJsonContext.Default.IReadOnlyListAgentView);

    /// <summary>The deployed pipelines, never their payload or config.</summary>
    private static async Task<JsonHttpResult<IReadOnlyList<PipelineView>>> PipelinesAsync(IPipelineBook book, CancellationToken cancellationToken)
    {
        var pipelines = await book.ListAsync(cancellationToken);
        return TypedResults.Json<IReadOnlyList<PipelineView>>(
            [.. pipelines.Select(p => new PipelineView(p.DagId, p.PipelineFqn, p.ServiceFqn, p.PipelineType, p.AgentId, p.Enabled, p.DeployedAt, p.DeletePending))],
            AdminJsonContext.Default.IReadOnlyListPipelineView);
    }
}
