using Agent.Core.Protocol;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Agent.Sandbox.ControlPlane.Api;

/// <summary>Routes that send a request to an agent and answer with its result (200), its id (202) or a timeout (504).</summary>
internal static class RequestEndpoints
{
    public static RouteGroupBuilder MapRequestRoutes(this RouteGroupBuilder group)
    {
        group.MapPost("/agents/{agentId}/requests", SendAsync).WithName("SendRequest");
        group.MapPost("/agents/{agentId}/pipelines/run", RunPipelineAsync).WithName("RunPipeline");
        group.MapPost("/agents/{agentId}/pipelines/status", PipelineStatusAsync).WithName("PipelineStatus");
        group.MapPost("/agents/{agentId}/pipelines/logs", PipelineLogsAsync).WithName("PipelineLogs");
        group.MapPost("/agents/{agentId}/pipelines/kill", KillPipelineAsync).WithName("KillPipeline");
        group.MapPost("/agents/{agentId}/service/status", ServiceStatusAsync).WithName("ServiceStatus");
        group.MapGet("/requests/{id}", GetRequest).WithName("GetRequest");
        return group;
    }

    public static Task<Results<Ok<RequestAnswer>, Accepted<RequestAnswer>, NotFound<ApiError>, BadRequest<ApiError>, JsonHttpResult<RequestAnswer>>> SendAsync(
        string agentId, SendRequestBody body, ControlPlaneServer server, TimeProvider time, CancellationToken cancellationToken) =>
        RequestRouting.SendAsync(
            server, time, agentId, body.Type, body.Payload ?? RequestPayloads.Empty(), (body.Id, body.TimeoutSeconds, body.Wait), cancellationToken);

    public static async Task<Results<Ok<RequestAnswer>, Accepted<RequestAnswer>, NotFound<ApiError>, BadRequest<ApiError>, JsonHttpResult<RequestAnswer>>> RunPipelineAsync(
        string agentId, PipelineRunBody body, ControlPlaneServer server, TimeProvider time, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.FullyQualifiedName))
        {
            return TypedResults.BadRequest(new ApiError("'fullyQualifiedName' is required"));
        }

        var payload = RequestPayloads.PipelineRun(body.FullyQualifiedName, body.Name, body.PipelineType, body.Config, body.RunId);
        return await RequestRouting.SendAsync(
            server, time, agentId, MessageTypes.PipelineRun, payload, (body.Id, body.TimeoutSeconds, body.Wait), cancellationToken);
    }

    public static Task<Results<Ok<RequestAnswer>, Accepted<RequestAnswer>, NotFound<ApiError>, BadRequest<ApiError>, JsonHttpResult<RequestAnswer>>> PipelineStatusAsync(
        string agentId, PipelineFqnBody body, ControlPlaneServer server, TimeProvider time, CancellationToken cancellationToken) =>
        SendForPipelineAsync(MessageTypes.PipelineStatus, agentId, body, server, time, cancellationToken);

    public static Task<Results<Ok<RequestAnswer>, Accepted<RequestAnswer>, NotFound<ApiError>, BadRequest<ApiError>, JsonHttpResult<RequestAnswer>>> KillPipelineAsync(
        string agentId, PipelineFqnBody body, ControlPlaneServer server, TimeProvider time, CancellationToken cancellationToken) =>
        SendForPipelineAsync(MessageTypes.PipelineKill, agentId, body, server, time, cancellationToken);

    public static async Task<Results<Ok<RequestAnswer>, Accepted<RequestAnswer>, NotFound<ApiError>, BadRequest<ApiError>, JsonHttpResult<RequestAnswer>>> PipelineLogsAsync(
        string agentId, PipelineLogsBody body, ControlPlaneServer server, TimeProvider time, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.PipelineFqn))
        {
            return TypedResults.BadRequest(new ApiError("'pipelineFqn' is required"));
        }

        var payload = RequestPayloads.PipelineLogs(body.PipelineFqn, body.RunId, body.After);
        return await RequestRouting.SendAsync(
            server, time, agentId, MessageTypes.PipelineLogs, payload, (body.Id, body.TimeoutSeconds, body.Wait), cancellationToken);
    }

    public static Task<Results<Ok<RequestAnswer>, Accepted<RequestAnswer>, NotFound<ApiError>, BadRequest<ApiError>, JsonHttpResult<RequestAnswer>>> ServiceStatusAsync(
        string agentId, ServiceStatusBody? body, ControlPlaneServer server, TimeProvider time, CancellationToken cancellationToken) =>
        RequestRouting.SendAsync(
            server, time, agentId, MessageTypes.ServiceStatus, RequestPayloads.Empty(), (body?.Id, body?.TimeoutSeconds, body?.Wait), cancellationToken);

    public static Results<Ok<RequestSnapshot>, NotFound<ApiError>> GetRequest(string id, ControlPlaneServer server) =>
        server.GetRequest(id) is { } request ? TypedResults.Ok(request) : TypedResults.NotFound(new ApiError($"no request {id}"));

    private static async Task<Results<Ok<RequestAnswer>, Accepted<RequestAnswer>, NotFound<ApiError>, BadRequest<ApiError>, JsonHttpResult<RequestAnswer>>> SendForPipelineAsync(
        string type, string agentId, PipelineFqnBody body, ControlPlaneServer server, TimeProvider time, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.PipelineFqn))
        {
            return TypedResults.BadRequest(new ApiError("'pipelineFqn' is required"));
        }

        return await RequestRouting.SendAsync(
            server, time, agentId, type, RequestPayloads.PipelineFqn(body.PipelineFqn), (body.Id, body.TimeoutSeconds, body.Wait), cancellationToken);
    }
}
