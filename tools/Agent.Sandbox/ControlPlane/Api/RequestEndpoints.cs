using Agent.Core.Protocol;
using Microsoft.AspNetCore.Http.HttpResults;
using SentAnswer = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<Agent.Sandbox.ControlPlane.Api.RequestAnswer>,
    Microsoft.AspNetCore.Http.HttpResults.Accepted<Agent.Sandbox.ControlPlane.Api.RequestAnswer>,
    Microsoft.AspNetCore.Http.HttpResults.NotFound<Agent.Sandbox.ControlPlane.Api.ApiError>,
    Microsoft.AspNetCore.Http.HttpResults.BadRequest<Agent.Sandbox.ControlPlane.Api.ApiError>,
    Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<Agent.Sandbox.ControlPlane.Api.RequestAnswer>>;

namespace Agent.Sandbox.ControlPlane.Api;

/// <summary>
/// Routes that send a request to an agent and answer with its result (200), its id (202) or a timeout (504). Every
/// <c>/pipelines/*</c> route names the pipeline <c>pipelineFqn</c>, as the protocol's payloads do (protocol §5).
/// </summary>
internal static class RequestEndpoints
{
    private const string FqnRequired = "'pipelineFqn' is required";

    public static RouteGroupBuilder MapRequestRoutes(this RouteGroupBuilder group)
    {
        group.MapPost("/agents/{agentId}/requests", SendAsync).WithName("SendRequest")
            .WithSummary("Send any request as raw protocol JSON: {type, payload, id?, timeoutSeconds?, wait?}");
        group.MapPost("/agents/{agentId}/pipelines/deploy", DeployPipelineAsync).WithName("DeployPipeline")
            .WithSummary("pipeline.deploy: {pipelineFqn, schedule?, timezone?, name?, pipelineType?, config?}");
        group.MapPost("/agents/{agentId}/pipelines/run", RunPipelineAsync).WithName("RunPipeline")
            .WithSummary("pipeline.run: {pipelineFqn, runId?, name?, pipelineType?, config?}");
        group.MapPost("/agents/{agentId}/pipelines/toggle", TogglePipelineAsync).WithName("TogglePipeline")
            .WithSummary("pipeline.toggle: {pipelineFqn, enabled} suspends (false) or resumes (true) the schedule");
        group.MapPost("/agents/{agentId}/pipelines/status", PipelineStatusAsync).WithName("PipelineStatus")
            .WithSummary("pipeline.status: {pipelineFqn}");
        group.MapPost("/agents/{agentId}/pipelines/logs", PipelineLogsAsync).WithName("PipelineLogs")
            .WithSummary("pipeline.logs: {pipelineFqn, runId?, after?}");
        group.MapPost("/agents/{agentId}/pipelines/kill", KillPipelineAsync).WithName("KillPipeline")
            .WithSummary("pipeline.kill: {pipelineFqn}");
        group.MapPost("/agents/{agentId}/service/status", ServiceStatusAsync).WithName("ServiceStatus")
            .WithSummary("service.status");
        group.MapGet("/requests/{id}", GetRequest).WithName("GetRequest")
            .WithSummary("A request sent earlier and its answers");
        return group;
    }

    public static Task<SentAnswer> SendAsync(
        string agentId, SendRequestBody body, ControlPlaneServer server, TimeProvider time, CancellationToken cancellationToken) =>
        RequestRouting.SendAsync(
            server, time, agentId, body.Type, body.Payload ?? RequestPayloads.Empty(), (body.Id, body.TimeoutSeconds, body.Wait), cancellationToken);

    public static async Task<SentAnswer> DeployPipelineAsync(
        string agentId, PipelineDeployBody body, ControlPlaneServer server, TimeProvider time, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.PipelineFqn))
        {
            return TypedResults.BadRequest(new ApiError(FqnRequired));
        }

        var payload = RequestPayloads.PipelineDeploy(body.PipelineFqn, body.Schedule, body.Timezone, body.Name, body.PipelineType, body.Config);
        return await RequestRouting.SendAsync(
            server, time, agentId, MessageTypes.PipelineDeploy, payload, (body.Id, body.TimeoutSeconds, body.Wait), cancellationToken);
    }

    public static async Task<SentAnswer> RunPipelineAsync(
        string agentId, PipelineRunBody body, ControlPlaneServer server, TimeProvider time, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.Fqn))
        {
            return TypedResults.BadRequest(new ApiError(FqnRequired));
        }

        var payload = RequestPayloads.PipelineRun(body.Fqn, body.Name, body.PipelineType, body.Config, body.RunId);
        return await RequestRouting.SendAsync(
            server, time, agentId, MessageTypes.PipelineRun, payload, (body.Id, body.TimeoutSeconds, body.Wait), cancellationToken);
    }

    public static async Task<SentAnswer> TogglePipelineAsync(
        string agentId, PipelineToggleBody body, ControlPlaneServer server, TimeProvider time, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.PipelineFqn))
        {
            return TypedResults.BadRequest(new ApiError(FqnRequired));
        }

        if (body.Enabled is not { } enabled)
        {
            return TypedResults.BadRequest(new ApiError("'enabled' is required: false suspends the schedule, true resumes it"));
        }

        return await RequestRouting.SendAsync(
            server, time, agentId, MessageTypes.PipelineToggle, RequestPayloads.PipelineToggle(body.PipelineFqn, enabled),
            (body.Id, body.TimeoutSeconds, body.Wait), cancellationToken);
    }

    public static Task<SentAnswer> PipelineStatusAsync(
        string agentId, PipelineFqnBody body, ControlPlaneServer server, TimeProvider time, CancellationToken cancellationToken) =>
        SendForPipelineAsync(MessageTypes.PipelineStatus, agentId, body, server, time, cancellationToken);

    public static Task<SentAnswer> KillPipelineAsync(
        string agentId, PipelineFqnBody body, ControlPlaneServer server, TimeProvider time, CancellationToken cancellationToken) =>
        SendForPipelineAsync(MessageTypes.PipelineKill, agentId, body, server, time, cancellationToken);

    public static async Task<SentAnswer> PipelineLogsAsync(
        string agentId, PipelineLogsBody body, ControlPlaneServer server, TimeProvider time, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.PipelineFqn))
        {
            return TypedResults.BadRequest(new ApiError(FqnRequired));
        }

        var payload = RequestPayloads.PipelineLogs(body.PipelineFqn, body.RunId, body.After);
        return await RequestRouting.SendAsync(
            server, time, agentId, MessageTypes.PipelineLogs, payload, (body.Id, body.TimeoutSeconds, body.Wait), cancellationToken);
    }

    public static Task<SentAnswer> ServiceStatusAsync(
        string agentId, ServiceStatusBody? body, ControlPlaneServer server, TimeProvider time, CancellationToken cancellationToken) =>
        RequestRouting.SendAsync(
            server, time, agentId, MessageTypes.ServiceStatus, RequestPayloads.Empty(), (body?.Id, body?.TimeoutSeconds, body?.Wait), cancellationToken);

    public static Results<Ok<RequestSnapshot>, NotFound<ApiError>> GetRequest(string id, ControlPlaneServer server) =>
        server.GetRequest(id) is { } request ? TypedResults.Ok(request) : TypedResults.NotFound(new ApiError($"no request {id}"));

    private static async Task<SentAnswer> SendForPipelineAsync(
        string type, string agentId, PipelineFqnBody body, ControlPlaneServer server, TimeProvider time, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.PipelineFqn))
        {
            return TypedResults.BadRequest(new ApiError(FqnRequired));
        }

        return await RequestRouting.SendAsync(
            server, time, agentId, type, RequestPayloads.PipelineFqn(body.PipelineFqn), (body.Id, body.TimeoutSeconds, body.Wait), cancellationToken);
    }
}
