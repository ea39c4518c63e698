using System.Net.Http.Headers;
using System.Text;

namespace Agent.TestKit.OpenMetadata;

/// <summary>
/// Replays the HTTP requests of OpenMetadata's AirflowRESTClient @03fa0ab6 (OM 1.13.3) byte for byte where it matters:
/// method, path under the prefix, <c>Content-Type: application/json</c> on every call (GETs included),
/// <c>Authorization: Basic</c>, the CSRF token and cookies fetched before each POST and DELETE, and query parameters
/// in the order its <c>URIBuilder.addParameter</c> calls add them.
/// </summary>
internal sealed class OmClient(HttpClient http, string prefix, string username, string password)
{
    private string? _csrfToken;
    private List<string>? _cookies;

    /// <summary>The prefixes detectAirflowApiVersion probes, in its order (Airflow 3, then 2, then 1).</summary>
    public static readonly IReadOnlyList<string> Prefixes = ["pluginsv2/api/v2/openmetadata", "api/v2/openmetadata", "api/v1/openmetadata"];

    public string Prefix { get; } = prefix;

    /// <summary>The requests sent, in order, as "METHOD path?query".</summary>
    public List<string> Sent { get; } = [];

    /// <summary>detectAirflowApiVersion: the first prefix whose health-auth answers 200 with a <c>version</c> string.</summary>
    public static async Task<string?> DetectAsync(HttpClient http, string username, string password)
    {
        foreach (var candidate in Prefixes)
        {
            using var response = await new OmClient(http, candidate, username, password).GetAsync("health-auth");
            if (response.IsSuccessStatusCode
                && System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.TryGetProperty("version", out var version)
                && version.ValueKind == System.Text.Json.JsonValueKind.String)
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>getRequestAuthenticatedForJsonContent: GET with Content-Type, Basic, and any CSRF token and cookies held.</summary>
    public Task<HttpResponseMessage> GetAsync(string pathAndQuery, bool authenticate = true) => SendAsync(HttpMethod.Get, pathAndQuery, null, authenticate);

    /// <summary>post(endpoint, payload): fetchCsrfTokenIfNeeded, then POST with the token and cookies; one retry on a CSRF 400.</summary>
    public async Task<HttpResponseMessage> PostAsync(string path, string payload)
    {
        await FetchCsrfTokenIfNeededAsync();
        var response = await SendAsync(HttpMethod.Post, path, payload, authenticate: true);
        if ((int)response.StatusCode == 400 && (await response.Content.ReadAsStringAsync()).Contains("CSRF token", StringComparison.Ordinal))
        {
            _csrfToken = null;
            _cookies = null;
            await FetchCsrfTokenIfNeededAsync();
            response.Dispose();
            response = await SendAsync(HttpMethod.Post, path, payload, authenticate: true);
        }

        return response;
    }

    /// <summary>deleteRequestAuthenticatedForJsonContent: fetchCsrfTokenIfNeeded, then DELETE.</summary>
    public async Task<HttpResponseMessage> DeleteAsync(string pathAndQuery)
    {
        await FetchCsrfTokenIfNeededAsync();
        return await SendAsync(HttpMethod.Delete, pathAndQuery, null, authenticate: true);
    }

    public string? CsrfToken => _csrfToken;

    private async Task FetchCsrfTokenIfNeededAsync()
    {
        if (_csrfToken is not null)
        {
            return;
        }

        // fetchCsrfTokenViaEndpoint: Map body; csrf_token kept when it is a non-empty String; Set-Cookie values kept.
        using var response = await SendAsync(HttpMethod.Get, "csrf-token", null, authenticate: true, withSession: false);
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            _cookies = [.. cookies.Select(c => c.Split(';')[0].Trim())];
        }

        if (response.IsSuccessStatusCode)
        {
            using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            if (body.RootElement.TryGetProperty("csrf_token", out var token) && token.ValueKind == System.Text.Json.JsonValueKind.String && token.GetString() is { Length: > 0 } text)
            {
                _csrfToken = text;
            }
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string pathAndQuery, string? payload, bool authenticate, bool withSession = true)
    {
        var request = new HttpRequestMessage(method, Prefix + "/" + pathAndQuery)
        {
            // CONTENT_HEADER/CONTENT_TYPE on every request; java.net.http sends no body for GET and DELETE.
            Content = new StringContent(payload ?? string.Empty, Encoding.UTF8, "application/json"),
        };
        if (authenticate)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")));
            if (withSession && _csrfToken is { Length: > 0 })
            {
                request.Headers.Add("X-CSRFToken", _csrfToken);
            }

            if (withSession && _cookies is { Count: > 0 })
            {
                request.Headers.Add("Cookie", string.Join("; ", _cookies));
            }
        }

        Sent.Add($"{method} {pathAndQuery}");
        return await http.SendAsync(request);
    }
}
