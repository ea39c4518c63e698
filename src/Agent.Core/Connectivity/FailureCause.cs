using System.Globalization;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Agent.Core.Connectivity;

/// <summary>
/// One line saying why a connection to a server the operator configured failed: the control plane (SERVER_URL) or
/// the Argo Server (PIPELINE_SERVICE_CLIENT_ENDPOINT). The outer exceptions say little ("Unable to connect to the
/// remote server", "The SSL connection could not be established, see inner exception"), so this walks the chain
/// (WebSocketException → HttpRequestException → SocketException or AuthenticationException) and names the cause,
/// with the setting to fix where there is one. Every log line, <c>/ready</c> reason and admin view that reports a
/// connection failure goes through here, so they all read the same.
/// </summary>
internal static class FailureCause
{
    private const int MaxDepth = 16;

    /// <param name="exception">What the connect attempt threw.</param>
    /// <param name="timeout">The attempt's time limit, named when the attempt was cancelled by it.</param>
    public static string Describe(Exception exception, TimeSpan? timeout = null)
    {
        var chain = Chain(exception).ToList();
        return Tls(chain) ?? Socket(chain) ?? Http(chain) ?? TimedOut(chain, timeout) ?? OneLine(chain[^1].Message);
    }

    /// <summary>Why a certificate was refused; the message of <see cref="CertificateRejectedException"/>.</summary>
    public static string DescribeCertificate(
        SslPolicyErrors errors, X509ChainStatusFlags chainStatus, string trustSetting, bool trustSettingUsed, string? targetHost, string? certificateName)
    {
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return "TLS: the server sent no certificate";
        }

        var untrusted = errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors);
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            var names = $"certificate is for '{certificateName ?? "another name"}', not '{targetHost ?? "the host dialled"}'";
            return untrusted && !trustSettingUsed
                ? $"TLS: certificate name mismatch ({names}) and certificate not trusted (set {trustSetting})"
                : $"TLS: certificate name mismatch ({names})";
        }

        if (chainStatus.HasFlag(X509ChainStatusFlags.NotTimeValid))
        {
            return "TLS: certificate expired or not yet valid";
        }

        if (chainStatus.HasFlag(X509ChainStatusFlags.Revoked))
        {
            return "TLS: certificate revoked";
        }

        return trustSettingUsed
            ? $"TLS: certificate not trusted: it chains neither to {trustSetting} nor to a system CA, or is not for server authentication"
            : $"TLS: certificate not trusted (set {trustSetting})";
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        var pending = new Queue<Exception>([exception]);
        for (var seen = 0; pending.Count > 0 && seen < MaxDepth; seen++)
        {
            var current = pending.Dequeue();
            yield return current;
            var inner = current is AggregateException aggregate ? aggregate.InnerExceptions : (IEnumerable<Exception>)[current.InnerException!];
            foreach (var next in inner.Where(next => next is not null))
            {
                pending.Enqueue(next);
            }
        }
    }

    private static string? Tls(List<Exception> chain)
    {
        if (chain.OfType<CertificateRejectedException>().FirstOrDefault() is { } rejected)
        {
            return rejected.Message;
        }

        var authentication = chain.OfType<AuthenticationException>().FirstOrDefault();
        var secure = chain.OfType<HttpRequestException>().FirstOrDefault(http => http.HttpRequestError == HttpRequestError.SecureConnectionError);
        if (authentication is null && secure is null)
        {
            return null;
        }

        // The innermost message is OpenSSL's or SslStream's own, e.g. "unsupported protocol" or a frame that is not TLS.
        return "TLS handshake failed: " + OneLine(chain[^1].Message);
    }

    private static string? Socket(List<Exception> chain) =>
        chain.OfType<SocketException>().FirstOrDefault()?.SocketErrorCode switch
        {
            SocketError.ConnectionRefused => "connection refused (is the port right?)",
            SocketError.HostNotFound or SocketError.NoData => "DNS: host not found",
            SocketError.TryAgain => "DNS: lookup failed for now (the resolver did not answer)",
            SocketError.TimedOut => "timed out opening the TCP connection",
            SocketError.NetworkUnreachable or SocketError.NetworkDown => "network unreachable",
            SocketError.HostUnreachable or SocketError.HostDown => "host unreachable",
            SocketError.ConnectionReset or SocketError.ConnectionAborted => "connection reset by the server",
            SocketError.AccessDenied => "connection not permitted (a network policy or firewall?)",
            null or SocketError.OperationAborted => null,
            var other => $"{other}: {OneLine(chain.OfType<SocketException>().First().Message)}",
        };

    private static string? Http(List<Exception> chain) =>
        chain.OfType<HttpRequestException>().FirstOrDefault()?.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => "DNS: host not found",
            HttpRequestError.ProxyTunnelError => "the proxy refused the tunnel (check HTTPS_PROXY and NO_PROXY)",
            HttpRequestError.ResponseEnded => "the server closed the connection without an answer (is the port right, and TLS where the URL says so?)",
            HttpRequestError.InvalidResponse => "the answer is not HTTP (is the port right?)",
            _ => null,
        };

    private static string? TimedOut(List<Exception> chain, TimeSpan? timeout) =>
        chain.Any(exception => exception is OperationCanceledException or TimeoutException)
            ? timeout is { } limit ? string.Create(CultureInfo.InvariantCulture, $"timed out after {limit.TotalSeconds:0.#} s") : "timed out"
            : null;

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
