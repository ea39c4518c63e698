using System.Text.Json.Nodes;

namespace Agent.Sandbox.Kubernetes.Api;

/// <summary>A JSON answer with a status code and, optionally, the apiserver's <c>Warning</c> header.</summary>
internal sealed class KubeJsonResult(JsonNode body, int statusCode = StatusCodes.Status200OK, string? warning = null) : IResult
{
    public JsonNode Body { get; } = body;

    public int StatusCode { get; } = statusCode;

    public static KubeJsonResult From(KubeApiException error) => new(error.Status, error.Code);

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCode;
        httpContext.Response.ContentType = "application/json";
        if (warning is not null)
        {
            // RFC 7234 warn-code 299 with agent "-", as the apiserver's warning recorder writes it.
            httpContext.Response.Headers.Append("Warning", $"299 - \"{warning}\"");
        }

        return httpContext.Response.WriteAsync(Argo.Json.ArgoJson.Serialize(Body), httpContext.RequestAborted);
    }
}
