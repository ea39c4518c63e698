namespace Agent.Gateway.Tests.Store;

internal static class PostgresSettings
{
    public static IReadOnlyDictionary<string, string?> For(string connection, string replicaId) => new Dictionary<string, string?>
    {
        ["GATEWAY_STORE"] = "postgres",
        ["GATEWAY_POSTGRES_CONNECTION"] = connection,
        ["GATEWAY_REPLICA_ID"] = replicaId,
    };
}
