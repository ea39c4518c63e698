using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Agent.Core.Executors.Argo;
using Agent.Core.Connectivity;
using Agent.Core.Link;
using Microsoft.Extensions.Options;

namespace Agent.Tests.Connectivity;

/// <summary>
/// Issue 13: a failed connection names its cause, not "Unable to connect to the remote server". Every exception here
/// is real: the agent's own connector (or Argo HTTP handler) dialling a closed port, an unresolvable name or a TLS
/// server on loopback.
/// </summary>
public sealed class FailureCauseTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("failure-cause-").FullName;

    [Fact]
    public async Task Describe_ClosedPort_SaysConnectionRefused()
    {
        var failure = await ConnectFailureAsync($"ws://127.0.0.1:{LoopbackServer.ClosedPort()}/agents");

        Assert.Equal("connection refused (is the port right?)", FailureCause.Describe(failure));
    }

    /// <summary>.invalid is reserved (RFC 6761 §6.4): resolvers answer "no such name" without asking the network.</summary>
    [Fact]
    public async Task Describe_HostThatDoesNotResolve_SaysDnsHostNotFound()
    {
        var failure = await ConnectFailureAsync("wss://nonexistent.invalid/agents");

        Assert.Equal("DNS: host not found", FailureCause.Describe(failure));
    }

    [Fact]
    public async Task Describe_SelfSignedCertificate_SaysNotTrustedAndNamesTheBundleVariable()
    {
        using var certificate = TestCertificates.Loopback(issuer: null);
        await using var server = LoopbackServer.Tls(certificate);

        var failure = await ConnectFailureAsync($"wss://127.0.0.1:{server.Port}/agents");

        Assert.Equal("TLS: certificate not trusted (set SERVER_CA_BUNDLE_PATH)", FailureCause.Describe(failure));
    }

    [Fact]
    public async Task Describe_TrustedCertificateForAnotherName_SaysNameMismatchNamingBoth()
    {
        using var root = TestCertificates.Root("Corp Root A");
        using var leaf = TestCertificates.Leaf(root, TestCertificates.ServerAuth);
        await using var server = LoopbackServer.Tls(leaf);

        var failure = await ConnectFailureAsync($"wss://127.0.0.1:{server.Port}/agents", Bundle(root));

        Assert.Equal(
            $"TLS: certificate name mismatch (certificate is for '{TestCertificates.HostName}', not '127.0.0.1')",
            FailureCause.Describe(failure));
    }

    [Fact]
    public async Task Describe_CertificateOfACaNotInTheBundle_SaysTheBundleDoesNotTrustIt()
    {
        using var bundled = TestCertificates.Root("Corp Root A");
        using var other = TestCertificates.Root("Someone Else");
        using var leaf = TestCertificates.Loopback(other);
        await using var server = LoopbackServer.Tls(leaf);

        var failure = await ConnectFailureAsync($"wss://127.0.0.1:{server.Port}/agents", Bundle(bundled));

        Assert.StartsWith("TLS: certificate not trusted: it chains neither to SERVER_CA_BUNDLE_PATH nor to a system CA", FailureCause.Describe(failure), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Describe_ExpiredCertificate_SaysExpired()
    {
        using var root = TestCertificates.Root("Corp Root A");
        using var leaf = TestCertificates.Loopback(root, notAfter: DateTimeOffset.UtcNow.AddMinutes(-1));
        await using var server = LoopbackServer.Tls(leaf);

        var failure = await ConnectFailureAsync($"wss://127.0.0.1:{server.Port}/agents", Bundle(root));

        Assert.Equal("TLS: certificate expired or not yet valid", FailureCause.Describe(failure));
    }

    [Fact]
    public async Task Describe_WssUrlOnAPlainHttpPort_SaysTheHandshakeFailed()
    {
        await using var server = LoopbackServer.PlainHttp();

        var failure = await ConnectFailureAsync($"wss://127.0.0.1:{server.Port}/agents");

        Assert.StartsWith("TLS handshake failed: ", FailureCause.Describe(failure), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Describe_ServerOnlyOnTls13ClientOnlyOnTls12_SaysTheHandshakeFailedWithTheTlsStacksReason()
    {
        using var certificate = TestCertificates.Loopback(issuer: null);
        await using var server = LoopbackServer.Tls(certificate, SslProtocols.Tls13);
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.EnabledSslProtocols = SslProtocols.Tls12;
        handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) => presented?.GetCertHashString() == certificate.GetCertHashString();
        using var client = new HttpClient(handler);

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri($"https://127.0.0.1:{server.Port}/")));

        var cause = FailureCause.Describe(failure);
        Assert.StartsWith("TLS handshake failed: ", cause, StringComparison.Ordinal);
        Assert.DoesNotContain("see inner exception", cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Describe_ServerThatNeverAnswers_SaysTimedOutAfterTheLimit()
    {
        await using var server = LoopbackServer.Silent();
        var limit = TimeSpan.FromMilliseconds(200);

        var failure = await ConnectFailureAsync($"ws://127.0.0.1:{server.Port}/agents", timeout: limit);

        Assert.Equal("timed out after 0.2 s", FailureCause.Describe(failure, limit));
    }

    /// <summary>The Argo side: the same cause, naming the Argo certificate variable, through the agent's Argo handler.</summary>
    [Fact]
    public async Task ArgoErrorMapper_SelfSignedArgoCertificate_NamesTheCauseAndTheArgoCertificateVariable()
    {
        using var certificate = TestCertificates.Loopback(issuer: null);
        await using var server = LoopbackServer.Tls(certificate);
        var endpoint = $"https://127.0.0.1:{server.Port}";
        using var client = new HttpClient(ArgoHttpHandlers.Primary(new ArgoOptions { Endpoint = endpoint }));

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri(endpoint + "/api/v1/version")));

        Assert.Equal("Argo Server unreachable: TLS: certificate not trusted (set ARGO_SERVER_CERTIFICATE_PATH)", ArgoErrorMapper.Map(failure).Message);
    }

    [Fact]
    public void Describe_AggregateOfRefusals_LooksInsideTheAggregate()
    {
        var failure = new AggregateException(new HttpRequestException("outer", new SocketException((int)SocketError.ConnectionRefused)));

        Assert.Equal("connection refused (is the port right?)", FailureCause.Describe(failure));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static async Task<Exception> ConnectFailureAsync(string url, string? caBundlePath = null, TimeSpan? timeout = null)
    {
        var connector = new ClientWebSocketConnector(Options.Create(new ControlPlaneOptions
        {
            AgentId = "failure-cause",
            AuthToken = "token",
            ServerUrl = url,
            CaBundlePath = caBundlePath,
        }));
        using var cancellation = new CancellationTokenSource(timeout ?? TestTimeouts.Default);
        var failure = await Record.ExceptionAsync(() => connector.ConnectAsync(new Uri(url), cancellation.Token));
        Assert.NotNull(failure);
        return failure;
    }


    private string Bundle(X509Certificate2 root)
    {
        var path = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".pem");
        File.WriteAllText(path, TestCertificates.Pem(root));
        return path;
    }
}
