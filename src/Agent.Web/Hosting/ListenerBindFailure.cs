using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;

namespace Agent.Web.Hosting;

/// <summary>
/// A port already taken stops the agent with one line that names the variable that chose it, instead of Kestrel's
/// stack trace. Kestrel reports it as an IOException "Failed to bind to address http://0.0.0.0:8989: address already
/// in use." around an <see cref="AddressInUseException"/>; the address is matched back to the listener configured on it.
/// </summary>
internal static partial class ListenerBindFailure
{
    public static bool IsAddressInUse(Exception exception) =>
        exception is IOException { InnerException: AddressInUseException } || exception.InnerException is { } inner && IsAddressInUse(inner);

    /// <summary>
    /// The line for a port in use, such as <c>METRICS_SERVER_PORT=8989: address 0.0.0.0:8989 already in use</c>, or
    /// false for any other failure. <paramref name="variableFor"/> names the variable of a listener.
    /// </summary>
    public static bool TryDescribe(Exception exception, ListenerPorts? ports, Func<ListenerKind, string> variableFor, out string description)
    {
        description = string.Empty;
        var bind = Find(exception);
        if (bind is null)
        {
            return false;
        }

        var match = BoundAddress().Match(bind.Message);
        var address = match.Success ? match.Groups["address"].Value : null;
        var port = match.Success ? int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        var kind = port == 0 || ports is null ? (ListenerKind?)null
            : port == ports.ConfiguredPort(ListenerKind.Infra) ? ListenerKind.Infra
            : port == ports.ConfiguredPort(ListenerKind.Admin) ? ListenerKind.Admin
            : null;
        description = kind is { } listener
            ? $"{variableFor(listener)}={port}: address {address} already in use"
            : $"{variableFor(ListenerKind.Infra)} or {variableFor(ListenerKind.Admin)}: address {address ?? "of a listener"} already in use";
        return true;
    }

    private static IOException? Find(Exception exception) => exception switch
    {
        IOException { InnerException: AddressInUseException } bind => bind,
        AggregateException aggregate => aggregate.InnerExceptions.Select(Find).FirstOrDefault(found => found is not null),
        { InnerException: { } inner } => Find(inner),
        _ => null,
    };

    // "Failed to bind to address http://0.0.0.0:8989: address already in use." (also [::] for IPv6).
    [GeneratedRegex(@"address \w+://(?<address>(?:\[[^\]]+\]|[^\s:/\[]+):(?<port>[0-9]+))")]
    private static partial Regex BoundAddress();
}
