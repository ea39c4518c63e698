using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Agent.Sandbox.ControlPlane.Api;

/// <summary>The send-and-wait logic every request route shares.</summary>
internal static class RequestRouting
{
    public const int GatewayTimeout = StatusCodes.Status504GatewayTimeout;

    public static async Task<Results<Ok<RequestAnswer>, Accepted<RequestAnswer>, NotFound<ApiError>, BadRequest<ApiError>, JsonHttpResult<RequestAnswer>>> SendAsync(
        ControlPlaneServer server,
        TimeProvider time,
        string agentId,
        string? type,
        JsonElement payload,
        (string? Id, int? TimeoutSeconds, bool? Wait) how,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(type))
        {
            return TypedResults.BadRequest(new ApiError("'type' is required"));
        }

        if (!server.IsKnown(agentId))
        {
            return TypedResults.NotFound(new ApiError($"agent {agentId} never connected"));
        }

        var ticket = await server.SubmitAsync(agentId, type, payload, how.Id);
        if (how.Wait == false)
        {
            return TypedResults.Accepted($"/sandbox/requests/{ticket.Id}", new RequestAnswer(ticket.Id));
        }

        var timeout = TimeSpan.FromSeconds(how.TimeoutSeconds ?? server.Options.DefaultRequestTimeoutSeconds);
        using var timer = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken);
        try
        {
            var result = await ticket.WaitAsync(linked.Token);
            return TypedResults.Ok(new RequestAnswer(ticket.Id, result.Payload));
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested)
        {
            // The request stays pending: the agent may still answer it, or get it again after a reconnect.
            return TypedResults.Json(new RequestAnswer(ticket.Id, Error: "timed out waiting for the result"), statusCode: GatewayTimeout);
        }
    }
}
