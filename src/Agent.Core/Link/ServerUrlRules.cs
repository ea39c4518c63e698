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
    public static string? Validate(string serverUrl, bool allowInsecure)
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
            return $"SERVER_URL uses unencrypted ws:// to '{uri.Host}'; use wss://, or set ALLOW_INSECURE_WEBSOCKET=true";
        }

        return null;
    }

    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
