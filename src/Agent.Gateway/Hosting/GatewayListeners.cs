using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Agent.Gateway.Hosting;

/// <summary>
/// Tells which listener a request arrived on by its local port, which the client cannot choose (unlike the Host
/// header). Kestrel writes the bound port back into each <see cref="ListenOptions"/>, so port 0 (tests) works too.
/// </summary>
internal sealed class GatewayListeners
{
    private readonly ListenOptions?[] _listeners = new ListenOptions?[3];

    public int Port(ListenerKind kind) => _listeners[(int)kind]?.IPEndPoint?.Port ?? 0;

    /// <summary>True once every listener is bound to a real port.</summary>
    public bool AllBound => Enum.GetValues<ListenerKind>().All(kind => Port(kind) != 0);

    public bool Accepts(HttpContext context, ListenerKind kind) => context.Connection.LocalPort == Port(kind);

    internal void Set(ListenerKind kind, ListenOptions listener) => _listeners[(int)kind] = listener;
}
