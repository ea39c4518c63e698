using System.IO.Pipelines;
using System.Net.WebSockets;

namespace Agent.Tests.Link;

/// <summary>
/// A connected client/server WebSocket pair over two in-memory pipes: real framing, no network, no timers.
/// Keep-alive is off so only the agent's own heartbeat and watchdog, on the injected clock, are in play.
/// </summary>
internal sealed class InMemoryWebSocketPair : IDisposable
{
    public InMemoryWebSocketPair()
    {
        var toServer = new Pipe();
        var toClient = new Pipe();
        Client = WebSocket.CreateFromStream(
            new DuplexPipeStream(toClient.Reader, toServer.Writer),
            new WebSocketCreationOptions { IsServer = false, KeepAliveInterval = TimeSpan.Zero });
        Server = WebSocket.CreateFromStream(
            new DuplexPipeStream(toServer.Reader, toClient.Writer),
            new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = TimeSpan.Zero });
    }

    /// <summary>The agent's end.</summary>
    public WebSocket Client { get; }

    /// <summary>The end the test plays the control plane on.</summary>
    public WebSocket Server { get; }

    public void Dispose()
    {
        Client.Dispose();
        Server.Dispose();
    }
}
