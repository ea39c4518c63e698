using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;

namespace Agent.Core.Argo;

/// <summary>The HTTP plumbing under the generated client: TLS trust for Argo's certificate and Kiota's middleware.</summary>
public static class ArgoHttpHandlers
{
    /// <summary>
    /// Kiota's default middleware without its retry handler: retries belong to the resilience pipeline, and a
    /// second retry layer would multiply attempts (and Kiota's gives up with an AggregateException, not an Argo error).
    /// </summary>
    public static IEnumerable<DelegatingHandler> KiotaMiddleware() =>
        KiotaClientFactory.CreateDefaultHandlers().Where(handler => handler is not RetryHandler);

    public static SocketsHttpHandler Primary(ArgoOptions options)
    {
        // Pods and services move: recycle pooled connections so DNS changes are picked up.
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (!string.IsNullOrWhiteSpace(options.ServerCertificatePath))
        {
            var trusted = X509CertificateLoader.LoadCertificateFromFile(options.ServerCertificatePath);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) => TrustedBy(trusted, certificate, errors);
        }

        return handler;
    }

    /// <summary>Accepts Argo's certificate when it chains to (or is) the configured one, e.g. Argo's self-signed certificate.</summary>
    private static bool TrustedBy(X509Certificate2 trusted, X509Certificate? presented, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (presented is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(trusted);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var certificate = new X509Certificate2(presented);
        return chain.Build(certificate) || certificate.Thumbprint == trusted.Thumbprint;
    }
}
