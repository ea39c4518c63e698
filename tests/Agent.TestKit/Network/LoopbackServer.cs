using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Agent.TestKit.Network;

/// <summary>
/// A TCP server on 127.0.0.1 (port 0) that serves each connection with <c>serve</c> until disposed: a TLS server with a
/// given certificate, one that answers plain HTTP, or one that never answers. Failures of a connection are the
/// client's doing in these tests (it refused the certificate), so they are dropped.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;

    private LoopbackServer(Func<NetworkStream, CancellationToken, Task> serve)
    {
        _listener.Start();
        _accepting = AcceptAsync(serve);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>A loopback port nothing listens on (just released), for "connection refused".</summary>
    public static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Completes the TLS handshake with <paramref name="certificate"/>, then holds the connection open.</summary>
    public static LoopbackServer Tls(X509Certificate2 certificate, SslProtocols protocols = SslProtocols.None) => new(async (stream, cancellationToken) =>
    {
        await using var tls = new SslStream(stream);
        await tls.AuthenticateAsServerAsync(
            new SslServerAuthenticationOptions { ServerCertificate = certificate, EnabledSslProtocols = protocols }, cancellationToken);
        await Task.Delay(Timeout.Infinite, cancellationToken);
    });

    /// <summary>Answers whatever arrives with a plain-text HTTP 400, as an HTTP port dialled with TLS would.</summary>
    public static LoopbackServer PlainHttp() => new(async (stream, cancellationToken) =>
    {
        await stream.ReadAtLeastAsync(new byte[1024], 1, throwOnEndOfStream: false, cancellationToken);
        await stream.WriteAsync("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray(), cancellationToken);
        await Task.Delay(Timeout.Infinite, cancellationToken);
    });

    /// <summary>Accepts connections and never says a word.</summary>
    public static LoopbackServer Silent() => new((_, cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken));

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await IgnoreFailureAsync(_accepting);
        _stopping.Dispose();
    }

    private async Task AcceptAsync(Func<NetworkStream, CancellationToken, Task> serve)
    {
        while (!_stopping.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            _ = ServeAsync(client, serve);
        }
    }

    private async Task ServeAsync(TcpClient client, Func<NetworkStream, CancellationToken, Task> serve)
    {
        using (client)
        {
            await IgnoreFailureAsync(serve(client.GetStream(), _stopping.Token));
        }
    }

    /// <summary>Awaits <paramref name="task"/> and drops its failure: a stop or the client's refusal, see the class summary.</summary>
    private static async Task IgnoreFailureAsync(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception)
        {
            // Expected: the listener stopped, or the client gave up on the connection.
        }
    }
}
