namespace Agent.Gateway.Hosting.Admin;

/// <summary>Applies <see cref="AdminAuthorization"/> to every admin endpoint.</summary>
internal sealed class AdminKeyFilter(AdminAuthorization authorization) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        authorization.Refusal(context.HttpContext) ?? await next(context);
}
