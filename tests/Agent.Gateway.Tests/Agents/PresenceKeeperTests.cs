using Agent.Core.Protocol;
using Agent.Gateway.Tests.Agents.Doubles;
using Agent.Gateway.Tests.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Agent.Gateway.Tests.Agents;

/// <summary>
/// The replica keeps its presence claims alive (a third of the 45 s bound between refreshes), drops the ones its id
/// held before it started, and gives way when another replica took over a claim it let go stale.
/// </summary>
public sealed class PresenceKeeperTests
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Start_DropsClaimsItsReplicaIdHeldBefore_SoTheAgentIsAdmittedAnywhere()
    {
        var doubles = new GatewayDoubles("replica-a");
        await doubles.Presence.ClaimAsync(GatewayDoubles.AgentId, "replica-a", CancellationToken.None);
        await doubles.Presence.ClaimAsync("agent-us", "replica-b", CancellationToken.None);

        await using var gateway = await GatewayTestHost.StartAsync(doubles);

        Assert.Null(await doubles.Presence.WhereAsync(GatewayDoubles.AgentId, CancellationToken.None));
        Assert.Equal("replica-b", await doubles.Presence.WhereAsync("agent-us", CancellationToken.None));
    }

    [Fact]
    public async Task Refresh_PutsBackAClaimThatVanished()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var doubles = new GatewayDoubles("replica-a");
        await using var gateway = await GatewayTestHost.StartAsync(doubles, time: time);
        await using var agent = await gateway.ConnectAsync();
        await agent.HelloAsync();
        Assert.Equal(GatewayDoubles.AgentId, await doubles.Presence.Claimed.ReadAsync(TestTimeouts.Token()));
        await doubles.Presence.ReleaseAsync(GatewayDoubles.AgentId, "replica-a", CancellationToken.None);

        time.Advance(RefreshInterval);

        Assert.Equal(GatewayDoubles.AgentId, await doubles.Presence.Claimed.ReadAsync(TestTimeouts.Token()));
        Assert.Equal("replica-a", await doubles.Presence.WhereAsync(GatewayDoubles.AgentId, CancellationToken.None));
    }

    [Fact]
    public async Task Refresh_ClaimTakenByAnotherReplica_ClosesTheSessionWith4002()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var doubles = new GatewayDoubles("replica-a");
        await using var gateway = await GatewayTestHost.StartAsync(doubles, time: time);
        await using var agent = await gateway.ConnectAsync();
        await agent.HelloAsync();

        // What the store does once this replica's claim is stale and the agent reached replica-b.
        await doubles.Presence.ReleaseAsync(GatewayDoubles.AgentId, "replica-a", CancellationToken.None);
        await doubles.Presence.ClaimAsync(GatewayDoubles.AgentId, "replica-b", CancellationToken.None);
        time.Advance(RefreshInterval);

        Assert.Equal(CloseCodes.DuplicateAgent, await agent.ClosedAsync());
        Assert.Equal("replica-b", await doubles.Presence.WhereAsync(GatewayDoubles.AgentId, CancellationToken.None));
    }
}
