using Agent.Sandbox.Argo.Errors;
using Microsoft.Extensions.Options;

namespace Agent.Sandbox.Argo.Api;

/// <summary>
/// What every <c>/api/v1</c> call goes through, like Argo's gRPC interceptors: request counting, the client-mode
/// auth gatekeeper, status-error translation, and the <c>Grpc-Metadata-Argo-Version</c> header on successes only
/// (Argo leaves it off errors on purpose; its e2e <c>TestUnauthorized</c> checks that).
/// </summary>
internal sealed class ArgoApiFilter(ArgoRequestStats requestStats, IOptions<ArgoEmulatorOptions> options) : IEndpointFilter
{
    public const string VersionHeader = "Grpc-Metadata-Argo-Version";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var httpContext = context.HttpContext;
        var endpoint = httpContext.GetEndpoint();
        var traits = endpoint?.Metadata.GetMetadata<ArgoEndpointMetadata>() ?? ArgoEndpointMetadata.Unary;
        requestStats.Count(httpContext.Request.Method, (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? httpContext.Request.Path);
        httpContext.Response.OnStarting(AddVersionHeader, httpContext);
        if (!IsAuthorized(httpContext.Request, traits))
        {
            return new ArgoErrorResult(new ArgoApiException(GrpcCode.Unauthenticated, "token not valid"), traits.IsStream);
        }

        try
        {
            return await next(context);
        }
        catch (ArgoApiException exception) when (!httpContext.Response.HasStarted)
        {
            return new ArgoErrorResult(exception, traits.IsStream);
        }
    }

    private bool IsAuthorized(HttpRequest request, ArgoEndpointMetadata traits)
    {
        var token = options.Value.Token;
        if (string.IsNullOrEmpty(token))
        {
            return true;
        }

        var authorization = request.Headers.Authorization.ToString();
        return traits.SkipsKubernetes
            ? authorization.StartsWith("Bearer ", StringComparison.Ordinal) || authorization.StartsWith("Basic ", StringComparison.Ordinal)
            : authorization == $"Bearer {token}";
    }

    private Task AddVersionHeader(object state)
    {
        var response = ((HttpContext)state).Response;
        if (response.StatusCode < StatusCodes.Status400BadRequest)
        {
            response.Headers[VersionHeader] = options.Value.Version;
        }

        return Task.CompletedTask;
    }
}
