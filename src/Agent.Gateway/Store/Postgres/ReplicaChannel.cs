namespace Agent.Gateway.Store.Postgres;

/// <summary>
/// The NOTIFY channel of a replica, <c>gateway_&lt;replica id&gt;</c> made a plain lower-case identifier (so LISTEN can
/// name it unquoted) and cut to PostgreSQL's 63-byte identifier limit. Messages are <c>q:&lt;row id&gt;</c> for a
/// request to serve and <c>r:&lt;row id&gt;</c> for a reply to collect; bodies stay in <c>forwarded_requests</c>.
/// </summary>
internal static class ReplicaChannel
{
    public const string RequestPrefix = "q:";
    public const string ReplyPrefix = "r:";
    private const int MaxIdentifierLength = 63;

    public static string For(string replicaId)
    {
        var name = "gateway_" + new string([.. replicaId.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_')]);
        return name.Length <= MaxIdentifierLength ? name : name[..MaxIdentifierLength];
    }
}
