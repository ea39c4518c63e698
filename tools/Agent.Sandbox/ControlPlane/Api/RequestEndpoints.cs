using System.Text.Json;
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

    public static Task<SentAnswer> DeployPipelineAsync(
        string agentId, PipelineDeployBody body, ControlPlaneServer server, TimeProvider time, CancellationToken cancellationToken) =>
        SendForPipelineAsync(
            MessageTypes.PipelineDeploy, agentId, body.PipelineFqn,
            fqn => RequestPayloads.PipelineDeploy(fqn, body.Schedule, body.Timezone, body.Name, body.PipelineType, body.Config),
            (body.Id, body.TimeoutSeconds, body.Wait), server, time, cancellationToken);

    public static Task<SentAnswer> RunPipelineAsync(
        string agentId, PipelineRunBody body, ControlPlaneServer server, TimeProvider time, CancellationToken cancellationToken) =>
        SendForPipelineAsync(
            MessageTypes.PipelineRun, agentId, body.Fqn,
            fqn => RequestPayloads.PipelineRun(fqn, body.Name, body.PipelineType, body.Config, body.RunId),
            (body.Id, body.TimeoutSeconds, body.Wait), server, time, cancellationToken);

    public static async Task<SentAnswer> TogglePipelineAsync(
        string agentId, PipelineToggleBody body, ControlPlaneServer server, TimeProvider time, CancellationToken cancellationToken)
    {
        // A missing pipelineFqn is reported first, by the shared helper; so the payload is built only with Enabled set.
        if (body.Enabled is null && !string.IsNullOrWhiteSpace(body.PipelineFqn))
        {
            return TypedResults.BadRequest(new ApiError("'enabled' is required: false suspends the schedule, true resumes it"));
        }

        return await SendForPipelineAsync(
            MessageTypes.PipelineToggle, agentId, body.PipelineFqn, fqn => RequestPayloads.PipelineToggle(fqn, body.Enabled.GetValueOrDefault()),
            (body.Id, body.TimeoutSeconds, body.Wait), server, time, cancellationToken);
    }

    public static Task<SentAnswer> PipelineStatusAsync(
        string agentId, PipelineFqnBody body, ControlPlaneServer server, TimeProvider time, CancellationToken cancellationToken) =>
        SendForPipelineAsync(
            MessageTypes.PipelineStatus, agentId, body.PipelineFqn, RequestPayloads.PipelineFqn, (body.Id, body.TimeoutSeconds, body.Wait), server, time, cancellationToken);

    public static Task<SentAnswer> KillPipelineAsync(
        string agentId, PipelineFqnBody body, ControlPlaneServer server, TimeProvider time, CancellationToken cancellationToken) =>
        SendForPipelineAsync(
            MessageTypes.PipelineKill, agentId, body.PipelineFqn, RequestPayloads.PipelineFqn, (body.Id, body.TimeoutSeconds, body.Wait), server, time, cancellationToken);

    public static Task<SentAnswer> PipelineLogsAsync(
        string agentId, PipelineLogsBody body, ControlPlaneServer server, TimeProvider time, CancellationToken cancellationToken) =>
        SendForPipelineAsync(
            MessageTypes.PipelineLogs, agentId, body.PipelineFqn, fqn => RequestPayloads.PipelineLogs(fqn, body.RunId, body.After),
            (body.Id, body.TimeoutSeconds, body.Wait), server, time, cancellationToken);

    public static Task<SentAnswer> ServiceStatusAsync(
        string agentId, ServiceStatusBody? body, ControlPlaneServer server, TimeProvider time, CancellationToken cancellationToken) =>
        RequestRouting.SendAsync(
            server, time, agentId, MessageTypes.ServiceStatus, RequestPayloads.Empty(), (body?.Id, body?.TimeoutSeconds, body?.Wait), cancellationToken);

    public static Results<Ok<RequestSnapshot>, NotFound<ApiError>> GetRequest(string id, ControlPlaneServer server) =>
        server.GetRequest(id) is { } request ? TypedResults.Ok(request) : TypedResults.NotFound(new ApiError($"no request {id}"));

    /// <summary>Refuses a body without <c>pipelineFqn</c> (400 naming it), else sends the payload built from it.</summary>
    private static async Task<SentAnswer> SendForPipelineAsync(
        string type,
        string agentId,
        string? pipelineFqn,
        Func<string, JsonElement> payload,
        (string? Id, int? TimeoutSeconds, bool? Wait) how,
        ControlPlaneServer server,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(pipelineFqn))
        {
            return TypedResults.BadRequest(new ApiError("'pipelineFqn' is required"));
        }

        return await RequestRouting.SendAsync(server, time, agentId, type, payload(pipelineFqn), how, cancellationToken);
    }
}
