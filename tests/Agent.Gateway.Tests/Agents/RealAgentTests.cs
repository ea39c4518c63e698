using System.Text.Json;
using Agent.Core.Protocol;
using Agent.Gateway.Agents;
using Agent.Gateway.Tests.Agents.Doubles;
using Agent.Gateway.Tests.Hosting;

namespace Agent.Gateway.Tests.Agents;

/// <summary>The built agent (<c>dotnet Agent.Web.dll</c>, its own link) connects to the gateway and answers through it.</summary>
public sealed class RealAgentTests
{
    [Fact]
    public async Task RealAgent_IsWelcomed_AnswersARequest_AndReleasesItsPresenceWhenItStops()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var doubles = new GatewayDoubles();
        await using var gateway = await GatewayTestHost.StartAsync(doubles);
        var welcomed = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        gateway.Connected.AgentWelcomed += (agentId, _) =>
        {
            welcomed.TrySetResult(agentId);
            return Task.CompletedTask;
        };
        await using var agent = AgentProcess.Start(sandbox, GatewayDoubles.AgentId, new Dictionary<string, string?>
        {
            ["SERVER_URL"] = gateway.PublicUri.ToString().Replace("http://", "ws://", StringComparison.Ordinal),
            ["AUTH_TOKEN"] = GatewayDoubles.Token,
        });

        Assert.Equal(GatewayDoubles.AgentId, await welcomed.Task.WaitAsync(TestTimeouts.Default));
        var payload = JsonSerializer.SerializeToElement(new { pipelineFqn = "mysql_prod.metadata" });
        var reply = await gateway.Link.SendAsync(GatewayDoubles.AgentId, MessageTypes.PipelineStatus, payload, TimeSpan.FromSeconds(20), TestTimeouts.Token());

        Assert.True(reply.Kind == AgentReplyKind.Answered, $"{reply.Problem}\n{agent.Tail()}");
        Assert.Equal(200, reply.Result!.Code);
        Assert.Equal(GatewayDoubles.AgentId, Assert.Single(gateway.Connected.Sessions).AgentId);

        await agent.TerminateAsync(TestTimeouts.Token());
        Assert.Equal(GatewayDoubles.AgentId, await doubles.Presence.Released.ReadAsync(TestTimeouts.Token()));
        Assert.Empty(gateway.Connected.Sessions);
    }
}
