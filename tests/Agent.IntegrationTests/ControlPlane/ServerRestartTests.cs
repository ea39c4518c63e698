using Agent.Core.Link;
using Agent.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Agent.IntegrationTests.ControlPlane;

/// <summary>The control plane goes away and comes back on the same address: the agent reconnects on its own and loses nothing.</summary>
public sealed class ServerRestartTests
{
    [Fact]
    public async Task Reconnect_ServerRestartedOnSamePort_ConnectsAgainAndDeliversWhatWasQueuedWhileDown()
    {
        var cancellation = TestTimeouts.Token();
        var first = await SandboxServer.StartAsync();
        var port = first.BaseUrl.Port;
        await using var agent = new AgentApplication(first, LinkSignals.NewAgentId("restart"), new Dictionary<string, string?>
        {
            ["ControlPlane:ReconnectDelaySeconds"] = "1",
        });
        agent.StartServer();
        var firstConnection = await first.ControlPlane.WaitForAgentAsync(agent.AgentId, cancellation);

        await first.DisposeAsync();
        await LinkSignals.WaitForStateAsync(agent, s => s.Status == ConnectionStatus.Disconnected, cancellation);
        var runId = Guid.NewGuid().ToString();
        var seq = await ReliableMessages.EnqueueStatusAsync(agent, runId, cancellation);
        await using var second = await SandboxServer.StartAsync(port: port);

        var secondConnection = await second.ControlPlane.WaitForAgentAsync(agent.AgentId, cancellation);
        var delivered = await second.ControlPlane.WaitForStatusAsync(s => s.RunId == runId, cancellation);

        Assert.Equal(port, second.BaseUrl.Port);
        Assert.NotEqual(firstConnection.SessionId, secondConnection.SessionId);
        Assert.Equal(firstConnection.InstanceId, secondConnection.InstanceId);
        Assert.Equal(seq, delivered.Seq);
        var outbox = agent.Services.GetRequiredService<ReliableOutbox>();
        await LinkSignals.UntilAsync(() => outbox.Depth == 0, cancellation);
        Assert.True(agent.Services.GetRequiredService<ConnectionState>().Current.ReconnectCount >= 1);
    }
}
