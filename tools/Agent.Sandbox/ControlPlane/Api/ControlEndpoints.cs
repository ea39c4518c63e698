using Microsoft.AspNetCore.Http.HttpResults;

namespace Agent.Sandbox.ControlPlane.Api;

/// <summary>Misbehaviour switches per agent id, for the agent's reliability tests.</summary>
internal static class ControlEndpoints
{
    public static RouteGroupBuilder MapControlRoutes(this RouteGroupBuilder group)
    {
        group.MapPost("/agents/{agentId}/drop", Drop).WithName("DropAgent").WithSummary("Cut the agent's connection without a close frame");
        group.MapPost("/agents/{agentId}/close", CloseAsync).WithName("CloseAgent").WithSummary("Close the session: {code, reason?}");
        group.MapPost("/agents/{agentId}/silence", Silence).WithName("SilenceAgent").WithSummary("Stop (or resume) sending to the agent: {enabled}");
        group.MapPost("/agents/{agentId}/withhold-acks", WithholdAcksAsync).WithName("WithholdAcks").WithSummary("Stop (or resume) acking the agent's reliable messages: {enabled}");
        group.MapPost("/agents/{agentId}/garbage", GarbageAsync).WithName("SendGarbage").WithSummary("Send a frame that is not a message: {text?} or {binaryBytes}");
        group.MapPost("/agents/{agentId}/refuse", Refuse).WithName("RefuseAgent").WithSummary("Close every new connection with this code at once: {code}; 0 accepts again");
        return group;
    }

    public static Results<Ok<ControlAnswer>, NotFound<ControlAnswer>, BadRequest<ApiError>> Drop(string agentId, ControlPlaneServer server) =>
        Answer(agentId, "drop", server.Drop(agentId));

    public static async Task<Results<Ok<ControlAnswer>, NotFound<ControlAnswer>, BadRequest<ApiError>>> CloseAsync(
        string agentId, CloseBody body, ControlPlaneServer server)
    {
        // 1000 and 3000-4999 are the codes an endpoint may send; others are reserved by RFC 6455.
        if (body.Code is not (1000 or 1001 or 1008 or 1011 or (>= 3000 and <= 4999)))
        {
            return TypedResults.BadRequest(new ApiError($"close code {body.Code} cannot be sent"));
        }

        return Answer(agentId, "close", await server.CloseAsync(agentId, body.Code, body.Reason));
    }

    public static Ok<ControlAnswer> Silence(string agentId, ToggleBody body, ControlPlaneServer server)
    {
        server.SetSilent(agentId, body.Enabled);
        return TypedResults.Ok(new ControlAnswer(agentId, body.Enabled ? "silence" : "unsilence", true));
    }

    public static async Task<Ok<ControlAnswer>> WithholdAcksAsync(string agentId, ToggleBody body, ControlPlaneServer server)
    {
        await server.SetWithholdAcksAsync(agentId, body.Enabled);
        return TypedResults.Ok(new ControlAnswer(agentId, body.Enabled ? "withhold-acks" : "release-acks", true));
    }

    public static async Task<Results<Ok<ControlAnswer>, NotFound<ControlAnswer>, BadRequest<ApiError>>> GarbageAsync(
        string agentId, GarbageBody body, ControlPlaneServer server)
    {
        if (body.BinaryBytes is { } count)
        {
            return count is > 0 and <= 1024 * 1024
                ? Answer(agentId, "garbage-binary", await server.SendGarbageBinaryAsync(agentId, count))
                : TypedResults.BadRequest(new ApiError("'binaryBytes' must be between 1 and 1048576"));
        }

        return Answer(agentId, "garbage-text", await server.SendGarbageTextAsync(agentId, body.Text ?? "this is not json"));
    }

    public static Ok<ControlAnswer> Refuse(string agentId, RefuseBody body, ControlPlaneServer server)
    {
        server.Refuse(agentId, body.Code);
        return TypedResults.Ok(new ControlAnswer(agentId, body.Code == 0 ? "accept" : "refuse", true));
    }

    private static Results<Ok<ControlAnswer>, NotFound<ControlAnswer>, BadRequest<ApiError>> Answer(string agentId, string action, bool applied) =>
        applied ? TypedResults.Ok(new ControlAnswer(agentId, action, true)) : TypedResults.NotFound(new ControlAnswer(agentId, action, false));
}
