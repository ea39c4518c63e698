namespace Agent.Sandbox.OpenMetadata;

/// <summary>
/// OpenMetadata's JwtFilter in miniature: no <c>Authorization</c> header, or one that is not <c>Bearer …</c>, is
/// "Not Authorized! Token not present" (JwtFilter.extractToken); a token other than the bot's is refused as the real
/// filter refuses one it cannot verify.
/// </summary>
internal static class BearerAuth
{
    private const string Prefix = "Bearer ";

    /// <summary>Null when the request carries the bot's token, else the 401 message.</summary>
    public static string? Check(HttpRequest request, string botToken)
    {
        var header = request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header) || !header.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return "Not Authorized! Token not present";
        }

        return string.Equals(header[Prefix.Length..], botToken, StringComparison.Ordinal) ? null : "Not Authorized! Invalid token.";
    }
}
