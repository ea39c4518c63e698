using Microsoft.Extensions.Logging;

namespace Agent.Core.Link;

/// <summary>Said once at start: a warning when the control-plane link is plain text to a host that is not loopback.</summary>
internal static partial class ControlPlaneStartupLog
{
    public static void Describe(ILogger logger, ControlPlaneOptions options)
    {
        if (!Uri.TryCreate(options.ServerUrl, UriKind.Absolute, out var uri) || uri.Scheme != "ws" || ServerUrlRules.IsLoopback(uri))
        {
            return;
        }

        var allowedBy = options.AllowInsecureWebSocket
            ? "ALLOW_INSECURE_WEBSOCKET=true"
            : "SERVER_HOST_API_URL=http:// (the chart's useSecureProtocols: false)";
        Unencrypted(logger, uri.Host, allowedBy);
    }

    [LoggerMessage(EventId = AgentEventIds.UnencryptedServerUrl, Level = LogLevel.Warning,
        Message = "SERVER_URL uses unencrypted ws:// to {Host}, allowed by {AllowedBy}: AUTH_TOKEN and pipeline configs travel in clear text. Use wss:// when the control plane serves TLS")]
    private static partial void Unencrypted(ILogger logger, string host, string allowedBy);
}
