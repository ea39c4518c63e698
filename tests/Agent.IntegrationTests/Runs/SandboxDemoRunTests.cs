using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.Infrastructure;

namespace Agent.IntegrationTests.Runs;

/// <summary>The compose demo: the sandbox starts a run by itself when the named agent connects.</summary>
public sealed class SandboxDemoRunTests
{
    [Fact]
    public async Task DemoConfigured_AgentConnects_RunReachesSuccessWithoutAnyRequestFromOutside()
    {
        await using var sandbox = await SandboxServer.StartAsync(new Dictionary<string, string?>
        {
            ["Sandbox:Demo:AgentId"] = "compose-demo",
            ["Sandbox:Demo:PipelineFqn"] = "svc.compose_demo",
        });
        await using var agent = new AgentApplication(sandbox, "compose-demo");
        agent.StartServer();

        var final = await sandbox.ControlPlane.WaitForStatusAsync(
            status => status.PipelineFqn == "svc.compose_demo" && status.PipelineState == PipelineStates.Success, TestTimeouts.Token());

        Assert.Equal("svc.compose_demo", final.Status.PipelineFqn);
    }
}
