using Microsoft.Extensions.Options;

namespace Agent.Sandbox.Argo.Api;

/// <summary>
/// Holds each workflow create for <see cref="ArgoEmulatorOptions.CreateDelaySeconds"/> before it is handled, so tests
/// can keep a <c>pipeline.run</c> in flight across a dropped link or a shutdown. Runs after the API filter, so the
/// request is already counted; waits on the injected clock.
/// </summary>
internal sealed class CreateDelayFilter(IOptions<ArgoEmulatorOptions> options, TimeProvider timeProvider) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (options.Value.CreateDelaySeconds > 0)
        {
            await Task.Delay(TimeSpan.FromSeconds(options.Value.CreateDelaySeconds), timeProvider, context.HttpContext.RequestAborted);
        }

        return await next(context);
    }
}
