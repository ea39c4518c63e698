using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.Infrastructure;

namespace Agent.IntegrationTests.Runs;

/// <summary>An agent restarted with the same id picks up what happened to its runs while it was gone.</summary>
public sealed class RestartRecoveryTests
{
    [Fact]
    public async Task Restart_RunFinishedWhileStoppedAndRunStillActive_ReportsSuccessAndInventory()
    {
        await using var rig = await AgentRig.StartAsync("restart-agent", new Dictionary<string, string?>
        {
            ["Sandbox:Argo:PendingSeconds"] = "0",
            ["Sandbox:Argo:RunningSeconds"] = "300",
        });
        var finishing = Guid.NewGuid().ToString();
        var active = Guid.NewGuid().ToString();
        var finishingName = await rig.StartRunAsync(finishing);
        await rig.StartRunAsync(active);
        await rig.WaitForStateAsync(finishing, PipelineStates.Running);
        await rig.WaitForStateAsync(active, PipelineStates.Running);
        var oldInstance = rig.ControlPlane.GetAgent(rig.Agent.AgentId).LastHello!.InstanceId;

        await rig.RestartAgentAsync(() =>
        {
            rig.Emulator.ForcePhase(AgentRig.Namespace, finishingName, "Succeeded");
            return Task.CompletedTask;
        });

        var success = await rig.WaitForStateAsync(finishing, PipelineStates.Success);
        Assert.NotEqual(oldInstance, success.InstanceId);
        Assert.NotNull(success.Status.EndDate);
        var hello = rig.ControlPlane.GetAgent(rig.Agent.AgentId).LastHello!;
        Assert.Equal(success.InstanceId, hello.InstanceId);
        var inventoried = Assert.Single(hello.Inventory, run => run.RunId == active);
        Assert.Equal(PipelineStates.Running, inventoried.PipelineState);
        Assert.DoesNotContain(hello.Inventory, run => run.RunId == finishing && run.PipelineState == PipelineStates.Running);
    }
}
