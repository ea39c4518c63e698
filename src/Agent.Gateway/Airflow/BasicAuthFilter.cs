using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Agent.Gateway.Airflow;

/// <summary>
/// OpenMetadata's Basic credentials (AIRFLOW_USERNAME / AIRFLOW_PASSWORD) on every Airflow route but <c>health</c>,
/// as the plugin guards its routes with Airflow's <c>requires_access</c>. Both parts are compared as SHA-256 hashes in
/// constant time, so neither their length nor a common prefix shows in the answer time.
/// </summary>
internal sealed class BasicAuthFilter(AirflowApiSettings settings) : IEndpointFilter
{
    private readonly byte[] _username = Hash(settings.Username);
    private readonly byte[] _password = Hash(settings.Password);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        Accepts(context.HttpContext.Request.Headers.Authorization.ToString())
            ? await next(context)
            : AirflowResults.Unauthorized();

    public bool Accepts(string authorization)
    {
        if (!AuthenticationHeaderValue.TryParse(authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || header.Parameter is null)
        {
            return false;
        }

        string pair;
        try
        {
            pair = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = pair.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }

        // Both comparisons always run (no short circuit), so a right username answers as fast as a wrong one.
        var userMatches = CryptographicOperations.FixedTimeEquals(Hash(pair[..colon]), _username);
        var passwordMatches = CryptographicOperations.FixedTimeEquals(Hash(pair[(colon + 1)..]), _password);
        return userMatches & passwordMatches;
    }

    private static byte[] Hash(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));
}
