namespace Agent.Web.Admin;

/// <summary>
/// Checks the admin key on a request. The key is taken from the <c>Authorization: Bearer</c> header and nowhere else:
/// never a cookie, a query parameter or a form field. A browser attaches none of those headers by itself, and a page
/// from another origin cannot add one without a CORS preflight the agent never approves, so a state-changing admin
/// call cannot be forged from a browser (no CSRF), even one running on the same machine.
/// </summary>
internal static class AdminCredentials
{
    private const string Scheme = "Bearer ";

    /// <summary>The answer that refuses the request (401 without the key, 403 with a wrong one), or null to let it in.</summary>
    public static IResult? Refusal(AdminKey key, HttpContext context)
    {
        if (!key.IsEnabled)
        {
            return null;
        }

        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return TypedResults.Problem("send the admin API key as 'Authorization: Bearer <key>'", statusCode: StatusCodes.Status401Unauthorized);
        }

        return key.Matches(header[Scheme.Length..].Trim())
            ? null
            : TypedResults.Problem("the admin API key is not valid", statusCode: StatusCodes.Status403Forbidden);
    }
}
