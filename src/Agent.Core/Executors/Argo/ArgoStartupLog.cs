using Microsoft.Extensions.Logging;

namespace Agent.Core.Executors.Argo;

/// <summary>What the agent will talk to, said once at start, with a warning when certificate checks are off.</summary>
internal static partial class ArgoStartupLog
{
    public static void Describe(ILogger logger, ArgoOptions options)
    {
        var tokenSource = !string.IsNullOrWhiteSpace(options.Token) ? "ARGO_TOKEN"
            : File.Exists(options.EffectiveTokenFile) ? "token file " + options.EffectiveTokenFile
            : "none";
        Using(logger, options.Endpoint, options.Namespace, tokenSource);
        if (options.InsecureSkipVerify)
        {
            Insecure(logger, options.Endpoint);
        }
    }

    [LoggerMessage(EventId = AgentEventIds.ArgoServerSettings, Level = LogLevel.Information, Message = "Argo Server {Endpoint}, namespace {Namespace}, credentials from {TokenSource}")]
    private static partial void Using(ILogger logger, string endpoint, string @namespace, string tokenSource);

    [LoggerMessage(EventId = AgentEventIds.ArgoCertificateUnchecked, Level = LogLevel.Warning, Message = "ARGO_INSECURE_SKIP_VERIFY is set: the certificate of {Endpoint} is not checked. Prefer ARGO_SERVER_CERTIFICATE_PATH")]
    private static partial void Insecure(ILogger logger, string endpoint);
}
