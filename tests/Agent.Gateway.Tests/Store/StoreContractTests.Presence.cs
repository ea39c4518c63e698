using Agent.Gateway.Store;
using Microsoft.Extensions.Time.Testing;

namespace Agent.Gateway.Tests.Store;

/// <summary>
/// Presence claims on the store's clock: a live claim of another replica is kept, one older than the bound
/// (GATEWAY_PRESENCE_TTL_SECONDS, 45 s by default) is absent and may be taken over, a refresh keeps it live.
/// </summary>
public abstract partial class StoreContractTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(Agent.Gateway.Hosting.GatewayOptions.DefaultPresenceTtlSeconds);

    [Fact]
    public async Task Presence_LiveClaimOfAnotherReplica_IsKept_ReleaseOnlyByTheHolder()
    {
        var presence = Host.Get<IAgentPresence>();
        Assert.Null(await presence.WhereAsync("agent-eu", Token));

        Assert.True(await presence.ClaimAsync("agent-eu", "replica-a", Token));
        Assert.False(await presence.ClaimAsync("agent-eu", "replica-b", Token));
        await presence.ReleaseAsync("agent-eu", "replica-b", Token);

        Assert.Equal("replica-a", await presence.WhereAsync("agent-eu", Token));
        await presence.ReleaseAsync("agent-eu", "replica-a", Token);
        Assert.Null(await presence.WhereAsync("agent-eu", Token));
        Assert.True(await presence.ClaimAsync("agent-eu", "replica-b", Token));
        Assert.Equal("replica-b", await presence.WhereAsync("agent-eu", Token));
    }

    [Fact]
    public async Task Presence_ClaimOlderThanTheBound_IsAbsent_AndAnotherReplicaMayTakeIt()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var presence = (await StartHostAsync(clock)).Get<IAgentPresence>();
        Assert.True(await presence.ClaimAsync("agent-eu", "replica-a", Token));

        clock.Advance(Bound - TimeSpan.FromSeconds(1));
        Assert.Equal("replica-a", await presence.WhereAsync("agent-eu", Token));
        Assert.False(await presence.ClaimAsync("agent-eu", "replica-b", Token));

        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Null(await presence.WhereAsync("agent-eu", Token));
        Assert.True(await presence.ClaimAsync("agent-eu", "replica-b", Token));
        Assert.Equal("replica-b", await presence.WhereAsync("agent-eu", Token));
    }

    [Fact]
    public async Task Presence_RefreshedClaim_StaysLivePastTheBound()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var presence = (await StartHostAsync(clock)).Get<IAgentPresence>();
        Assert.True(await presence.ClaimAsync("agent-eu", "replica-a", Token));

        clock.Advance(Bound / 3 * 2);
        Assert.True(await presence.ClaimAsync("agent-eu", "replica-a", Token));
        clock.Advance(Bound / 3 * 2);

        Assert.Equal("replica-a", await presence.WhereAsync("agent-eu", Token));
        Assert.False(await presence.ClaimAsync("agent-eu", "replica-b", Token));
    }

    [Fact]
    public async Task Presence_ReleaseAll_DropsOnlyThatReplicasClaims()
    {
        var presence = Host.Get<IAgentPresence>();
        await presence.ClaimAsync("agent-eu", "replica-a", Token);
        await presence.ClaimAsync("agent-us", "replica-a", Token);
        await presence.ClaimAsync("agent-apac", "replica-b", Token);

        await presence.ReleaseAllAsync("replica-a", Token);

        Assert.Null(await presence.WhereAsync("agent-eu", Token));
        Assert.Null(await presence.WhereAsync("agent-us", Token));
        Assert.Equal("replica-b", await presence.WhereAsync("agent-apac", Token));
    }
}
