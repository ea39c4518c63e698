using Agent.Gateway.Store;

namespace Agent.Gateway.Tests.Store;

internal static class PostgresSettings
{
    public static IReadOnlyDictionary<string, string?> For(string connection, string replicaId) => new Dictionary<string, string?>
    {
        [StoreOptions.StoreVariable] = "postgres",
        [StoreOptions.PostgresConnectionVariable] = connection,
        [StoreOptions.ReplicaIdVariable] = replicaId,
    };
}
