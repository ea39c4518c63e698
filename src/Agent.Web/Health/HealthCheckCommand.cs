using System.Globalization;
using System.Net;
using Agent.Web.Hosting;

namespace Agent.Web.Health;

/// <summary>
/// <c>dotnet Agent.Web.dll --health-check</c>: asks the running agent's <c>/health</c> on the infra port and exits
/// 0 (healthy) or 1. The container HEALTHCHECK uses it because the <c>aspnet</c> image has no curl or wget.
/// </summary>
internal static class HealthCheckCommand
{
    public const string Argument = "--health-check";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    /// <summary>True only for exactly one argument, so the host's own arguments (e.g. from test factories) never match.</summary>
    public static bool IsRequested(string[] args) => args is [Argument];

    /// <summary>Reads <c>METRICS_SERVER_PORT</c> and <c>METRICS_SERVER_HOST</c> the way the agent does and probes <c>/health</c>.</summary>
    public static async Task<int> RunAsync(Func<string, string?> environment, TextWriter output, CancellationToken cancellationToken)
    {
        if (!TryGetUrl(environment, out var url, out var problem))
        {
            await output.WriteLineAsync($"unhealthy: {problem}");
            return 1;
        }

        using var client = new HttpClient { Timeout = Timeout };
        try
        {
            using var response = await client.GetAsync(url, cancellationToken);
            await output.WriteLineAsync($"{(response.IsSuccessStatusCode ? "healthy" : "unhealthy")}: {url} answered {(int)response.StatusCode}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            await output.WriteLineAsync($"unhealthy: {url} did not answer ({ex.GetType().Name})");
            return 1;
        }
    }

    private static bool TryGetUrl(Func<string, string?> environment, out Uri url, out string problem)
    {
        url = null!;
        problem = string.Empty;
        var portText = environment("METRICS_SERVER_PORT");
        var port = ServerOptions.DefaultMetricsPort;
        if (!string.IsNullOrWhiteSpace(portText)
            && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            problem = $"METRICS_SERVER_PORT must be a port number from 1 to 65535 (got '{portText}')";
            return false;
        }

        // The infra listener binds all interfaces by default; loopback reaches it then. A specific address must be asked directly.
        var host = IPAddress.Loopback;
        if (IPAddress.TryParse(environment("METRICS_SERVER_HOST"), out var bound) && !bound.Equals(IPAddress.Any) && !bound.Equals(IPAddress.IPv6Any))
        {
            host = bound;
        }

        url = new UriBuilder(Uri.UriSchemeHttp, host.ToString(), port, HealthExtensions.LivenessPath).Uri;
        return true;
    }
}
