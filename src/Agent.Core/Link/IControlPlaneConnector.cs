using System.Net.WebSockets;

namespace Agent.Core.Link;

/// <summary>Opens a new WebSocket to the control plane for each session (a seam tests can replace).</summary>
internal interface IControlPlaneConnector
{
    Task<WebSocket> ConnectAsync(Uri uri, CancellationToken cancellationToken);
}
