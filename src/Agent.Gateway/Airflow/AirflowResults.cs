namespace Agent.Gateway.Airflow;

/// <summary>The answers every route shares, in the plugin's shapes (api/response.py <c>ApiResponse</c>).</summary>
internal static class AirflowResults
{
    /// <summary>
    /// AirflowRESTClient.post @03fa0ab6 refreshes its token and retries once when a 400 body contains this text; a 400 of
    /// ours must never contain it, or a bad request would be sent twice.
    /// </summary>
    private const string CsrfRetryTrigger = "CSRF token";

    public static IResult Message(string message) => TypedResults.Json(new MessageBody(message), AirflowJsonContext.Default.MessageBody);

    public static IResult Error(int status, string message)
    {
        var text = status == StatusCodes.Status400BadRequest
            ? message.Replace(CsrfRetryTrigger, "CSRF-token", StringComparison.OrdinalIgnoreCase)
            : message;
        return TypedResults.Json(new ErrorBody(text), AirflowJsonContext.Default.ErrorBody, statusCode: status);
    }

    public static IResult BadRequest(string message) => Error(StatusCodes.Status400BadRequest, message);

    /// <summary>The plugin's operations answer this for a dag_id Airflow does not know (status.py, state.py, kill_all.py).</summary>
    public static IResult DagNotFound(string dagId) => Error(StatusCodes.Status404NotFound, $"DAG {dagId} not found.");

    /// <summary>api/response.py <c>ApiResponse.unauthorized</c>'s text.</summary>
    public static IResult Unauthorized() => Error(StatusCodes.Status401Unauthorized, "Not authorized to access this resource");
}
