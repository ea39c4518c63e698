using Agent.Core.Tls;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;

namespace Agent.Core.Executors.Argo;

/// <summary>The HTTP plumbing under the generated client: TLS trust for Argo's certificate and Kiota's middleware.</summary>
internal static class ArgoHttpHandlers
{
    /// <summary>
    /// Kiota's default middleware without its retry handler: retries belong to the resilience pipeline, and a
    /// second retry layer would multiply attempts (and Kiota's gives up with an AggregateException, not an Argo error).
    /// </summary>
    public static IEnumerable<DelegatingHandler> KiotaMiddleware() =>
        KiotaClientFactory.CreateDefaultHandlers().Where(handler => handler is not RetryHandler);

    [System.Diagnostics.CodeAnalysis.SuppressMessage(
        "Security", "CA5359:Do not disable certificate validation", Justification = "Only with the operator's explicit ARGO_INSECURE_SKIP_VERIFY, warned about at start.")]
    public static SocketsHttpHandler Primary(ArgoOptions options)
    {
        // Pods and services move: recycle pooled connections so DNS changes are picked up.
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (options.InsecureSkipVerify)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        }
        else
        {
            var trust = string.IsNullOrWhiteSpace(options.ServerCertificatePath) ? null : ExtraTrust.FromFile(options.ServerCertificatePath);
            handler.SslOptions.RemoteCertificateValidationCallback = ServerCertificateCheck.Create(trust, "ARGO_SERVER_CERTIFICATE_PATH");
        }

        return handler;
    }
}
