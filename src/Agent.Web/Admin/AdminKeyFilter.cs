namespace Agent.Web.Admin;

/// <summary>Every admin call presents the key when one is configured: 401 without it, 403 with a wrong one.</summary>
public sealed class AdminKeyFilter(AdminKey key) : IEndpointFilter
{
    private const string Scheme = "Bearer ";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (!key.IsEnabled)
        {
            return await next(context);
        }

        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return TypedResults.Problem("send the admin API key as 'Authorization: Bearer <key>'", statusCode: StatusCodes.Status401Unauthorized);
        }

        return key.Matches(header[Scheme.Length..].Trim())
            ? await next(context)
            : TypedResults.Problem("the admin API key is not valid", statusCode: StatusCodes.Status403Forbidden);
    }
}
