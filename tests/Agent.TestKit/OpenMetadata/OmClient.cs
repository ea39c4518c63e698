using System.Net.Http.Headers;
using System.Text;

namespace Agent.TestKit.OpenMetadata;

/// <summary>
/// Replays the HTTP requests of OpenMetadata's AirflowRESTClient @03fa0ab6 (OM 1.13.3) byte for byte where it matters:
/// method, path under the prefix, <c>Content-Type: application/json</c> on every call (GETs included),
/// <c>Authorization: Basic</c>, the CSRF token and cookies fetched before each POST and DELETE, and query parameters
/// in the order its <c>URIBuilder.addParameter</c> calls add them.
/// Line numbers: AirflowRESTClient.java @03fa0ab6845ddb96e243e8e966079e77fe74c68a, read with read_file into a scratch file
/// (37954 chars, LF only) and counted with grep -n. Query order: status L487-L488 (dag_id, only_queued), delete L388 (dag_id),
/// last_dag_logs L690-L694 (after when set, then dag_id, task_id).
/// </summary>
internal sealed class OmClient(HttpClient http, string prefix, string username, string password)
{
    private string? _csrfToken;
    private List<string>? _cookies;

    /// <summary>The prefixes detectAirflowApiVersion probes, in its order (Airflow 3, then 2, then 1): AirflowRESTClient.java @03fa0ab6 L153, L190, L226.</summary>
    public static readonly IReadOnlyList<string> Prefixes = ["pluginsv2/api/v2/openmetadata", "api/v2/openmetadata", "api/v1/openmetadata"];

    public string Prefix { get; } = prefix;

    /// <summary>The requests sent, in order, as "METHOD path?query".</summary>
    public List<string> Sent { get; } = [];

    /// <summary>
    /// detectAirflowApiVersion (AirflowRESTClient.java @03fa0ab6 L150-L265): the first prefix whose health-auth (L157, L194, L230) answers
    /// 200 (L170, L207, L243) with a <c>version</c> string (JSONObject.getString, L172-L173, L209-L210, L245-L246); none → null (L260-L264).
    /// </summary>
    public static async Task<string?> DetectAsync(HttpClient http, string username, string password)
    {
        foreach (var candidate in Prefixes)
        {
            using var response = await new OmClient(http, candidate, username, password).GetAsync("health-auth");
            if (response.StatusCode == System.Net.HttpStatusCode.OK
                && System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.TryGetProperty("version", out var version)
                && version.ValueKind == System.Text.Json.JsonValueKind.String)
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>getRequestAuthenticatedForJsonContent (AirflowRESTClient.java @03fa0ab6 L766-L770): GET via authenticatedRequestBuilder (L793-L810): Content-Type, Basic, and any CSRF token and cookies held.</summary>
    public Task<HttpResponseMessage> GetAsync(string pathAndQuery, bool authenticate = true) => SendAsync(HttpMethod.Get, pathAndQuery, null, authenticate);

    /// <summary>
    /// post(endpoint, payload) (AirflowRESTClient.java @03fa0ab6 L267-L323, L325-L328): fetchCsrfTokenIfNeeded (L270-L272), then POST with
    /// Content-Type (L276), Basic (L280), the token (L283-L285) and cookies (L288-L290); one retry on a 400 whose body contains "CSRF token"
    /// (L297-L320: clearCsrfToken L302, refetch L303, resend L319).
    /// </summary>
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

    /// <summary>
    /// deleteRequestAuthenticatedForJsonContent (AirflowRESTClient.java @03fa0ab6 L772-L791): fetchCsrfTokenIfNeeded (L775), then DELETE
    /// (L776). Not replayed: its own retry on a 400 containing "CSRF token has expired" (L780-L788).
    /// </summary>
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

        // fetchCsrfTokenIfNeeded (AirflowRESTClient.java @03fa0ab6 L827-L851): nothing when a token is held (L828-L830), else
        // fetchCsrfTokenViaEndpoint (L853-L873): GET csrf-token (L855-L856, sendAuthenticatedGet L883-L892: Content-Type and Basic only);
        // storeSessionCookies keeps each Set-Cookie's part before ';' (L857, L894-L920: L903); a 200 body read as a Map (L859-L861) gives
        // csrf_token when it is a non-empty String (L862-L864). Not replayed: the token taken from a csrf-named cookie (L905-L910) and the
        // health fallback when the endpoint call throws (L839-L848, L875-L881).
        using var response = await SendAsync(HttpMethod.Get, "csrf-token", null, authenticate: true, withSession: false);
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            _cookies = [.. cookies.Select(c => c.Split(';')[0].Trim())];
        }

        if (response.StatusCode == System.Net.HttpStatusCode.OK)
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
            // CONTENT_HEADER/CONTENT_TYPE on every request (AirflowRESTClient.java @03fa0ab6 L276, L796, L887); java.net.http sends no
            // body for GET and DELETE (.GET() L768, .DELETE() L776).
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
