using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Agent.Gateway.Configs;

/// <summary>
/// <c>GET {hostPort}/v1/services/{collection}/name/{fqn}</c> with the deploy payload's bot token, as the managed-APIs
/// plugin's <c>build_source</c> does through OMeta <c>get_by_name</c> (OM workflows/ingestion/common.py @01450e13). The
/// typed client carries the standard resilience handler (timeouts, retries on transient failures). Errors name the URL
/// and the status, never the token; 401 says the bot token was refused, the usual cause after a token rotation that
/// OpenMetadata has not redeployed yet.
/// </summary>
internal sealed class OpenMetadataServiceLookup(HttpClient http) : IOpenMetadataServiceLookup
{
    public async Task<ServiceFacts> LookupAsync(ServiceLookupRequest request, CancellationToken cancellationToken)
    {
        var url = ServiceUrl(request);
        using var message = new HttpRequestMessage(HttpMethod.Get, url);
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", request.BotToken);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(message, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException
            or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException
            || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new RunConfigException($"OpenMetadata did not answer GET {url}: {ex.Message}", ex);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                throw new RunConfigException($"the bot token in the deploy payload was refused by OpenMetadata (GET {url} answered 401)");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new RunConfigException($"GET {url} answered {(int)response.StatusCode}{OpenMetadataMessage(body)}");
            }

            return Read(url, body);
        }
    }

    /// <summary>The lookup URL; <c>hostPort</c> is OpenMetadata's <c>metadataApiEndpoint</c>, which already ends in <c>/api</c>.</summary>
    public static Uri ServiceUrl(ServiceLookupRequest request)
    {
        var collection = ServiceCollections.For(request.ServiceReferenceType);
        var path = $"{request.HostPort.TrimEnd('/')}/v1/services/{collection}/name/{Uri.EscapeDataString(request.ServiceFqn)}";
        return Uri.TryCreate(path, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? url
            : throw new RunConfigException($"openMetadataServerConnection.hostPort \"{request.HostPort}\" is not an http(s) URL");
    }

    private static ServiceFacts Read(Uri url, string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var serviceType = PayloadJson.String(root, "serviceType")
                ?? throw new RunConfigException($"GET {url} answered a service without serviceType");
            var runner = PayloadJson.Child(root, "ingestionRunner") is { } reference ? PayloadJson.String(reference, "name") : null;
            return new ServiceFacts(serviceType, runner);
        }
        catch (JsonException ex)
        {
            throw new RunConfigException($"GET {url} answered something that is not JSON", ex);
        }
    }

    /// <summary>OpenMetadata's error body is <c>{"code":…,"message":…}</c> (ErrorResponse); its message is worth passing on.</summary>
    private static string OpenMetadataMessage(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return PayloadJson.String(document.RootElement, "message") is { Length: > 0 } text ? $": {text}" : string.Empty;
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }
}
