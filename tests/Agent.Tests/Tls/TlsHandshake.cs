using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Agent.Core.Tls;

namespace Agent.Tests.Tls;

/// <summary>
/// A real TLS handshake over loopback TCP: a server presenting a leaf and the intermediates it sends, and a client
/// whose only certificate check is the agent's <see cref="ExtraTrust"/>, wired exactly as the agent wires it.
/// </summary>
internal static class TlsHandshake
{
    /// <summary>True when the client accepted the server; false when its validation callback refused.</summary>
    public static async Task<bool> ClientAcceptsAsync(ExtraTrust trust, X509Certificate2 leaf, params X509Certificate2[] sentIntermediates)
    {
        using var cancellation = new CancellationTokenSource(TestTimeouts.Default);
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port, cancellation.Token);
        using var accepted = await listener.AcceptTcpClientAsync(cancellation.Token);

        await using var serverStream = new SslStream(accepted.GetStream());
        await using var clientStream = new SslStream(client.GetStream());
        var server = serverStream.AuthenticateAsServerAsync(
            new SslServerAuthenticationOptions
            {
                ServerCertificateContext = SslStreamCertificateContext.Create(leaf, [.. sentIntermediates], offline: true),
            },
            cancellation.Token);
        var clientOptions = new SslClientAuthenticationOptions
        {
            TargetHost = TestCertificates.HostName,
            RemoteCertificateValidationCallback = (_, certificate, chain, errors) => trust.Validate(certificate, chain, errors),
        };
        try
        {
            await clientStream.AuthenticateAsClientAsync(clientOptions, cancellation.Token);
            await server;
            return true;
        }
        catch (AuthenticationException)
        {
            // The client aborted; the server then fails too, which is not what the test is about.
            await Record.ExceptionAsync(() => server);
            return false;
        }
    }
}
