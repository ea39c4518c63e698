using Agent.Gateway.Agents;

namespace Agent.Gateway.Airflow;

/// <summary>
/// Turns an agent's reply into the Airflow answer when it is not a success. An agent that is away or silent is a 503
/// naming it, never a 404: on toggle a 404 makes OpenMetadata mark the pipeline undeployed
/// (AirflowRESTClient.toggleIngestion @03fa0ab6: <c>else if (response.statusCode() == 404) setDeployed(false)</c>).
/// </summary>
internal static class AgentOutcome
{
    /// <summary>
    /// Null when the agent answered ok; otherwise the answer to give OpenMetadata. <paramref name="passNotFound"/> says
    /// whether the agent's 404 means the same to the client (logs: no run yet).
    /// </summary>
    public static IResult? Failure(AgentReply reply, string agentId, string operation, bool passNotFound = false)
    {
        if (reply.Kind != AgentReplyKind.Answered || reply.Result is null)
        {
            return AirflowResults.Error(StatusCodes.Status503ServiceUnavailable, reply.Problem ?? $"agent '{agentId}' did not answer");
        }

        var result = reply.Result;
        if (result.Ok)
        {
            return null;
        }

        var message = $"agent '{agentId}' could not {operation}: {result.Reason ?? $"code {result.Code}"}";
        var status = result.Code switch
        {
            400 => StatusCodes.Status400BadRequest,
            404 when passNotFound => StatusCodes.Status404NotFound,
            409 => StatusCodes.Status409Conflict,
            408 or 429 or 502 or 503 => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status500InternalServerError,
        };
        return AirflowResults.Error(status, message);
    }
}
