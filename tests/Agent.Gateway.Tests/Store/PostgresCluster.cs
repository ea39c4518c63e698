namespace Agent.Gateway.Tests.Store;

/// <summary>The test classes that share <see cref="PostgresFixture"/>'s cluster (they run one after the other).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCluster : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL";
}
