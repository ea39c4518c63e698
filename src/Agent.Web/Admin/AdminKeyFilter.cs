namespace Agent.Web.Admin;

/// <summary>Every admin call presents the key when one is configured: 401 without it, 403 with a wrong one.</summary>
internal sealed class AdminKeyFilter(AdminKey key) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        AdminCredentials.Refusal(key, context.HttpContext) ?? await next(context);
}
