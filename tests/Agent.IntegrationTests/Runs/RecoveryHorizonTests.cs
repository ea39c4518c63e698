using System.Text.Json;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.ControlPlane;
using Agent.IntegrationTests.Infrastructure;
using Agent.IntegrationTests.Protocol;
using Agent.Sandbox.ControlPlane;
using Microsoft.Extensions.DependencyInjection;

namespace Agent.IntegrationTests.Runs;

/// <summary>
/// Issue 12 finding 7: the agent comes back two hours after its runs ended, past its recovery window. The control plane
/// asks <c>runs.reconcile</c> after welcoming the new instance and gets every final state, each once (protocol §7.1).
/// </summary>
public sealed class RecoveryHorizonTests
{
    [Fact]
    public async Task Restart_AgentBackTwoHoursAfterItsRunsEnded_ReconcileGivesTheControlPlaneEachFinalStateOnce()
    {
        await using var rig = await AgentRig.StartAsync("horizon-agent", new Dictionary<string, string?>
        {
            ["Sandbox:Argo:PendingSeconds"] = "0",
            ["Sandbox:Argo:RunningSeconds"] = "300",
        });
        var agentId = rig.Agent.AgentId;
        var succeeds = Guid.NewGuid().ToString();
        var fails = Guid.NewGuid().ToString();
        var succeedsName = await rig.StartRunAsync(succeeds);
        var failsName = await rig.StartRunAsync(fails);
        await rig.WaitForStateAsync(succeeds, PipelineStates.Running);
        await rig.WaitForStateAsync(fails, PipelineStates.Running);

        // The runs end at once; the new process's clock says two hours later, past the one-hour recovery window.
        await rig.RestartAgentAsync(
            () =>
            {
                rig.Emulator.ForcePhase(AgentRig.Namespace, succeedsName, "Succeeded");
                rig.Emulator.ForcePhase(AgentRig.Namespace, failsName, "Failed", "ended while no agent ran");
                return Task.CompletedTask;
            },
            replaceServices: services => services.AddSingleton<TimeProvider>(new ShiftedTimeProvider(TimeSpan.FromHours(2))));
        await AssertEachFinalStateOnceAsync(rig, succeeds, fails);
    }

    /// <summary>
    /// Once <c>runs.reconcile</c> has answered for both runs: the control plane has each one's final state exactly once,
    /// from a <c>run.status</c> or the reconcile answer, and the request and answer are schema-valid.
    /// </summary>
    internal static async Task AssertEachFinalStateOnceAsync(AgentRig rig, string succeeds, string fails)
    {
        var agentId = rig.Agent.AgentId;
        await LinkSignals.UntilAsync(() => rig.ControlPlane.GetReconciled(agentId).Count == 2, rig.Cancellation);

        foreach (var (runId, state) in new[] { (succeeds, PipelineStates.Success), (fails, PipelineStates.Failed) })
        {
            var finals = rig.ControlPlane.GetStatuses(agentId: agentId, runId: runId).Where(s => PipelineStates.IsTerminal(s.Status.PipelineState))
                .Concat(rig.ControlPlane.GetReconciled(agentId, runId));
            Assert.Equal(state, Assert.Single(finals).Status.PipelineState);
        }

        var request = rig.ControlPlane.GetFrames(agentId, FrameDirection.Sent).Single(frame => frame.Type == MessageTypes.RunsReconcile);
        using var requestJson = JsonDocument.Parse(request.Text);
        Assert.Empty(ProtocolSchemas.Validate(requestJson.RootElement));
        var answer = (await rig.ControlPlane.WaitForResultAsync(requestJson.RootElement.GetProperty("id").GetString()!, rig.Cancellation)).Message;
        Assert.Empty(ProtocolSchemas.ValidateResultData(MessageTypes.RunsReconcile, ReliableMessages.Result(answer).Data!.Value));
    }
}
