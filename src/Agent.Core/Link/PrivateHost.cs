using System.Net;
using System.Net.Sockets;

namespace Agent.Core.Link;

/// <summary>
/// Whether a host name is private without resolving it: a private, link-local or shared address, or a name only a
/// cluster or LAN resolver answers (one label, or <c>.svc</c>, <c>.cluster.local</c>, <c>.local</c>, <c>.internal</c>).
/// Anything else counts as public, so a name that merely resolves to a private address still needs an explicit opt-in.
/// </summary>
internal static class PrivateHost
{
    private static readonly string[] PrivateSuffixes = [".svc", ".cluster.local", ".local", ".internal", ".localhost"];

    public static bool Is(string host)
    {
        var bare = host.Trim('[', ']').TrimEnd('.');
        if (IPAddress.TryParse(bare, out var address))
        {
            return IsPrivate(address);
        }

        return !bare.Contains('.', StringComparison.Ordinal)
            || PrivateSuffixes.Any(suffix => bare.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsPrivate(IPAddress address)
    {
        if (IPAddress.IsLoopback(address))
        {
            return true;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            // fc00::/7 unique local (RFC 4193), and link-local.
            return address.IsIPv6LinkLocal || address.IsIPv6UniqueLocal;
        }

        var b = address.GetAddressBytes();
        return b[0] == 10                                   // 10/8 (RFC 1918)
            || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)    // 172.16/12 (RFC 1918)
            || (b[0] == 192 && b[1] == 168)                 // 192.168/16 (RFC 1918)
            || (b[0] == 169 && b[1] == 254)                 // link-local (RFC 3927)
            || (b[0] == 100 && b[1] >= 64 && b[1] <= 127);  // shared address space (RFC 6598)
    }
}
