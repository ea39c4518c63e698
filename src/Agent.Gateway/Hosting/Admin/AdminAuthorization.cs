using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Agent.Gateway.Hosting.Admin;

/// <summary>
/// With <c>GATEWAY_ADMIN_API_KEY(_FILE)</c> set, every admin call presents it as <c>Authorization: Bearer</c>: 401
/// without it, 403 with a wrong one. Without a key the admin port is bound to loopback, which is the protection.
/// </summary>
internal sealed partial class AdminAuthorization(IOptions<GatewayOptions> options, ILogger<AdminAuthorization> logger)
{
    private const string BearerPrefix = "Bearer ";

    private readonly byte[]? _key = options.Value.AdminAuthEnabled ? Encoding.UTF8.GetBytes(options.Value.AdminApiKey!.Trim()) : null;

    /// <summary>The answer refusing the call, or null when it may go on.</summary>
    public IResult? Refusal(HttpContext context)
    {
        if (_key is null)
        {
            return null;
        }

        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            KeyRefused(logger, context.Request.Path, "no bearer key");
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return TypedResults.Unauthorized();
        }

        var presented = Encoding.UTF8.GetBytes(header[BearerPrefix.Length..].Trim());
        if (!CryptographicOperations.FixedTimeEquals(presented, _key))
        {
            KeyRefused(logger, context.Request.Path, "a wrong key");
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        return null;
    }

    [LoggerMessage(EventId = GatewayEventIds.AdminKeyRefused, Level = LogLevel.Warning, Message = "Admin call to {Path} refused: {Why}")]
    private static partial void KeyRefused(ILogger logger, string path, string why);
}
