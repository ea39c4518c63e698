using Agent.Core.Operations;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.Infrastructure;
using Agent.Sandbox.ControlPlane.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Agent.IntegrationTests.ControlPlane;

/// <summary>
/// Issue 12 finding 6: on shutdown the watcher keeps reporting until the outbox is flushed, and the flush has time of its
/// own even when in-flight work used up the whole grace period.
/// </summary>
public sealed class DrainReportingTests
{
    [Fact]
    public async Task Stop_RunEndsWhileInFlightWorkUsesUpTheGrace_ItsFinalStatusIsSentBeforeTheLinkCloses()
    {
        await using var rig = await AgentRig.StartAsync(
            "drain-agent",
            new Dictionary<string, string?>
            {
                ["Sandbox:Argo:PendingSeconds"] = "0",
                ["Sandbox:Argo:RunningSeconds"] = "300",
                ["Sandbox:Argo:CreateDelaySeconds"] = "3",
            },
            new Dictionary<string, string?> { ["ControlPlane:ShutdownGraceSeconds"] = "1" });
        var ending = Guid.NewGuid().ToString();
        var endingName = await rig.StartRunAsync(ending);
        await rig.WaitForStateAsync(ending, PipelineStates.Running);
        var instance = rig.ControlPlane.GetAgent(rig.Agent.AgentId).LastHello!.InstanceId;
        var dispatcher = rig.Agent.Services.GetRequiredService<RequestDispatcher>();

        // A create held 3 s by Argo outlasts the 1 s grace: it is handed back, and the grace is spent before the flush.
        var slow = await rig.ControlPlane.SubmitAsync(
            rig.Agent.AgentId, MessageTypes.PipelineRun, RequestPayloads.PipelineRun(AgentRig.PipelineFqn, runId: Guid.NewGuid().ToString()));
        await LinkSignals.UntilAsync(() => dispatcher.InFlight == 1, rig.Cancellation);
        var stopping = rig.Agent.DisposeAsync().AsTask();
        await LinkSignals.UntilAsync(() => dispatcher.IsDraining, rig.Cancellation);
        rig.Emulator.ForcePhase(AgentRig.Namespace, endingName, "Succeeded");
        await stopping;

        var final = Assert.Single(rig.ControlPlane.GetStatuses(runId: ending), s => s.Status.PipelineState == PipelineStates.Success);
        Assert.Equal(instance, final.InstanceId);
        var handedBack = ReliableMessages.Result((await slow.WaitAsync(rig.Cancellation)).Message);
        Assert.Equal(ResultCodes.ArgoUnreachable, handedBack.Code);
    }
}
