using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Agent.Web.Hosting;

/// <summary>
/// Knows which listener a request arrived on by its local port, as dotnet-monitor does: unlike the Host header,
/// the client cannot choose it. Reads the bound endpoints, so port 0 (tests) works too.
/// </summary>
internal sealed class ListenerPorts
{
    internal ListenOptions? Infra { get; set; }

    internal ListenOptions? Admin { get; set; }

    public int InfraPort => Infra?.IPEndPoint?.Port ?? 0;

    public int AdminPort => Admin?.IPEndPoint?.Port ?? 0;

    /// <summary>The port a listener was configured with, before binding: what a failure to bind names.</summary>
    public int? ConfiguredPort(ListenerKind kind) => (kind == ListenerKind.Admin ? Admin : Infra)?.IPEndPoint?.Port;

    public bool Accepts(HttpContext context, ListenerKind kind) =>
        context.Connection.LocalPort == (kind == ListenerKind.Admin ? AdminPort : InfraPort);
}
