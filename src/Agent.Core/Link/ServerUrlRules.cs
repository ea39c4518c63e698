using System.Net;
using Agent.Core.Protocol;

namespace Agent.Core.Link;

/// <summary>What a <c>SERVER_URL</c> may be (protocol §1), with reasons an operator can act on.</summary>
internal static class ServerUrlRules
{
    public static Uri ToConnectUri(string serverUrl)
    {
        var uri = new Uri(serverUrl, UriKind.Absolute);
        if (uri.AbsolutePath is "" or "/")
        {
            uri = new UriBuilder(uri) { Path = ProtocolVersion.ConnectPath }.Uri;
        }

        return uri;
    }

    /// <summary>Returns why the URL is unusable, or null when it is fine.</summary>
    /// <param name="serverUrl">The <c>SERVER_URL</c> value.</param>
    /// <param name="allowInsecure"><c>ALLOW_INSECURE_WEBSOCKET</c>: ws:// to any host.</param>
    /// <param name="serverHostApiUrl">
    /// <c>SERVER_HOST_API_URL</c>: when it is <c>http://</c> to the same host, the operator set the chart's
    /// <c>useSecureProtocols: false</c>, which allows <c>ws://</c> to a private host (see <see cref="IsChartInsecure"/>).
    /// </param>
    public static string? Validate(string serverUrl, bool allowInsecure, string? serverHostApiUrl = null)
    {
        if (string.IsNullOrWhiteSpace(serverUrl))
        {
            return null; // The required-field rule reports the missing value.
        }

        if (!Uri.TryCreate(serverUrl, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            return $"SERVER_URL must be an absolute URL with a scheme, e.g. wss://collate.example.com (got '{serverUrl}')";
        }

        if (uri.Scheme is not ("ws" or "wss"))
        {
            return $"SERVER_URL must use wss:// (or ws:// for loopback), not '{uri.Scheme}://'";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "SERVER_URL must not carry credentials; put the token in AUTH_TOKEN";
        }

        if (uri.Scheme == "ws" && !allowInsecure && !IsLoopback(uri))
        {
            if (!IsChartInsecure(uri, serverHostApiUrl))
            {
                return $"SERVER_URL uses unencrypted ws:// to '{uri.Host}'; use wss://, or set ALLOW_INSECURE_WEBSOCKET=true";
            }

            if (!PrivateHost.Is(uri.Host))
            {
                return $"SERVER_URL uses unencrypted ws:// to the public host '{uri.Host}': SERVER_HOST_API_URL=http:// (the chart's "
                    + "useSecureProtocols: false) allows ws:// only to a private or in-cluster host; use wss://, or set ALLOW_INSECURE_WEBSOCKET=true";
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the operator asked for plain text in the chart's terms: the chart renders <c>useSecureProtocols: false</c>
    /// as <c>SERVER_URL=ws://&lt;host&gt;</c> together with <c>SERVER_HOST_API_URL=http://&lt;host&gt;/api</c>
    /// (hybrid-ingestion-runner chart 1.13.3, templates/_helpers.tpl serverUrl and serverHostApiUrl).
    /// </summary>
    public static bool IsChartInsecure(Uri serverUri, string? serverHostApiUrl) =>
        serverUri.Scheme == "ws"
        && Uri.TryCreate(serverHostApiUrl, UriKind.Absolute, out var api)
        && api.Scheme == Uri.UriSchemeHttp
        && string.Equals(api.Host, serverUri.Host, StringComparison.OrdinalIgnoreCase);

    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
