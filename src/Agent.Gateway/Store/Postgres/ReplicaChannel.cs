using System.Security.Cryptography;
using System.Text;

namespace Agent.Gateway.Store.Postgres;

/// <summary>
/// The NOTIFY channel of a replica: <c>gateway_</c> and the first 128 bits of the SHA-256 of its id, in hex. A hash, not
/// the id made an identifier, so ids that differ only by '.', '-' or '_' (which an identifier cannot all keep) or by
/// case still get channels of their own; always a plain lower-case identifier LISTEN can name unquoted, well under
/// PostgreSQL's 63 bytes. Messages are <c>q:&lt;row id&gt;</c> for a request to serve and <c>r:&lt;row id&gt;</c> for
/// a reply to collect; bodies stay in <c>forwarded_requests</c>.
/// </summary>
internal static class ReplicaChannel
{
    public const string RequestPrefix = "q:";
    public const string ReplyPrefix = "r:";
    private const int HashBytes = 16;

    public static string For(string replicaId) =>
        "gateway_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(replicaId))[..HashBytes]);
}
