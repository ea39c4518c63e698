using System.Text.Json;
using Agent.Core.Operations.Handlers;
using Agent.Core.Protocol;
using Agent.IntegrationTests.ControlPlane;
using Agent.IntegrationTests.Infrastructure;
using Agent.IntegrationTests.Lifecycle;
using Agent.Sandbox.ControlPlane.Api;

namespace Agent.IntegrationTests.Faults;

/// <summary>
/// A run request without a <c>runId</c>, sent again with the same request id to a restarted agent (its answer cache
/// gone with the old process), is answered as the same run and Argo holds one workflow for it, not two (issue 12,
/// finding 1): the run id derives from the agent id and the request id, the workflow name from the run id.
/// </summary>
public sealed class RunRequestReplayAfterRestartTests
{
    public static TheoryData<string> RunTypes => [MessageTypes.AutomationRun, MessageTypes.ApplicationRun, MessageTypes.PipelineRun];

    [Theory]
    [MemberData(nameof(RunTypes))]
    public async Task RunRequestWithoutRunId_SameRequestIdAfterAgentRestart_SameRunAndOneWorkflow(string type)
    {
        await using var rig = await AgentRig.StartAsync(LinkSignals.NewAgentId("replay-restart"));
        var payload = Payload(type);

        var first = await rig.ControlPlane.SubmitAsync(rig.Agent.AgentId, type, payload);
        var firstRun = Started(await first.WaitAsync(rig.Cancellation));
        await rig.RestartAgentAsync(() => Task.CompletedTask);
        await rig.ControlPlane.WaitForAgentAsync(rig.Agent.AgentId, rig.Cancellation);
        var again = await rig.ControlPlane.SubmitAsync(rig.Agent.AgentId, type, payload, first.Id);
        var againRun = Started(await again.WaitAsync(rig.Cancellation));

        Assert.Equal(firstRun, againRun);
        Assert.Null(RunRequestValidation.RunIdProblem(firstRun.RunId));
        Assert.Equal(RequestRunIds.ForRequest(rig.Agent.AgentId, first.Id), firstRun.RunId);
        var workflows = ArgoCounts.WorkflowsPerRun(rig.Emulator);
        Assert.Equal(1, Assert.Single(workflows).Value);
        Assert.Equal(firstRun.RunId, workflows.Keys.Single());
    }

    /// <summary>The request of <paramref name="type"/> without a run id, as its twin on Kubernetes sends it too.</summary>
    internal static JsonElement Payload(string type) => type switch
    {
        MessageTypes.AutomationRun => LifecycleRequests.AutomationPayload(),
        MessageTypes.ApplicationRun => LifecycleRequests.ApplicationPayload(),
        _ => RequestPayloads.PipelineRun(AgentRig.PipelineFqn),
    };

    internal static Agent.Core.Protocol.Messages.RunStartedData Started(Agent.Sandbox.ControlPlane.ReceivedResult answer) =>
        LifecycleRequests.Started(ReliableMessages.Result(answer.Message));
}
