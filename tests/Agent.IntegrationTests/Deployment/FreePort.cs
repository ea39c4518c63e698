using System.Net;
using System.Net.Sockets;

namespace Agent.IntegrationTests.Deployment;

/// <summary>A loopback port nobody listened on a moment ago, for tools that cannot bind port 0 and report it.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
