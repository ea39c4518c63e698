using Agent.Sandbox.Argo.Errors;
using Microsoft.Extensions.Options;

namespace Agent.Sandbox.Kubernetes.Api;

/// <summary>
/// Wraps every emulated apiserver route: the bearer token when one is configured (401 Unauthorized otherwise, as the
/// apiserver's authentication filter answers), and any failure as its Status JSON. A malformed label selector (the
/// parser is shared with the Argo emulator) becomes the apiserver's 400.
/// </summary>
internal sealed class KubeApiFilter(IOptions<KubernetesEmulatorOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var token = options.Value.Token;
        if (token.Length > 0 && context.HttpContext.Request.Headers.Authorization.ToString() != $"Bearer {token}")
        {
            return new KubeJsonResult(new System.Text.Json.Nodes.JsonObject
            {
                ["kind"] = "Status",
                ["apiVersion"] = "v1",
                ["metadata"] = new System.Text.Json.Nodes.JsonObject(),
                ["status"] = "Failure",
                ["message"] = "Unauthorized",
                ["reason"] = "Unauthorized",
                ["code"] = 401,
            }, StatusCodes.Status401Unauthorized);
        }

        try
        {
            return await next(context);
        }
        catch (KubeApiException error)
        {
            return KubeJsonResult.From(error);
        }
        catch (ArgoApiException error)
        {
            return KubeJsonResult.From(KubeStatus.BadRequest($"unable to parse requirement: {error.Message}"));
        }
    }
}
