using Agent.Gateway.Store.Postgres;

namespace Agent.Gateway.Tests.Store;

/// <summary>Each replica id gets a NOTIFY channel of its own, a plain identifier LISTEN can name unquoted.</summary>
public sealed class ReplicaChannelTests
{
    [Fact]
    public void For_IdsDifferingOnlyBySeparatorOrCase_GetDistinctChannels()
    {
        string[] ids = ["replica.a", "replica-a", "replica_a", "Replica-A"];

        var channels = ids.Select(ReplicaChannel.For).ToList();

        Assert.Equal(ids.Length, channels.Distinct(StringComparer.Ordinal).Count());
        Assert.All(channels, channel => Assert.Matches("^gateway_[0-9a-f]{32}$", channel));
        Assert.Equal(ReplicaChannel.For("replica.a"), channels[0]);
    }

    [Fact]
    public void For_LongestReplicaId_FitsPostgresIdentifierLimit() =>
        Assert.True(ReplicaChannel.For(new string('r', 40)).Length <= 63);
}
