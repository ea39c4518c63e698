using System.Text.Json;
using Agent.Core.Operations;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.Infrastructure;
using Agent.IntegrationTests.Protocol;
using Agent.Sandbox.Argo.Faults;
using Agent.Sandbox.ControlPlane.Api;

namespace Agent.IntegrationTests.Runs;

/// <summary>
/// <c>pipeline.kill</c> answers which runs were stopped and which could not be, with reasons, in the shape its schema
/// gives (issue 12, finding 10): not ok while a run could not be stopped, ok once every run was.
/// </summary>
public sealed class KillAnswerTests
{
    [Fact]
    public async Task PipelineKill_ArgoRefusesTheStopThenAcceptsIt_ReportsTheRunFailedThenStoppedWithSchemaValidData()
    {
        await using var rig = await AgentRig.StartAsync("kill-answer-agent", new Dictionary<string, string?>
        {
            ["Sandbox:Argo:PendingSeconds"] = "0",
            ["Sandbox:Argo:RunningSeconds"] = "300",
        });
        var runId = Guid.NewGuid().ToString();
        await rig.StartRunAsync(runId);
        await rig.WaitForStateAsync(runId, PipelineStates.Running);

        rig.Faults.Configure(new() { Routes = ["PUT " + ArgoFaultFilter.StopTemplate], ErrorRate = 1.0 });
        var refused = await rig.SendAsync(MessageTypes.PipelineKill, RequestPayloads.PipelineFqn(AgentRig.PipelineFqn));
        rig.Faults.Clear();
        var accepted = await rig.SendAsync(MessageTypes.PipelineKill, RequestPayloads.PipelineFqn(AgentRig.PipelineFqn));

        Assert.Equal((false, ResultCodes.ArgoUnreachable), (refused.Ok, refused.Code));
        var failed = Data(refused);
        Assert.Empty(failed.Stopped);
        Assert.Equal(runId, Assert.Single(failed.Failed).RunId);
        Assert.True(accepted.Ok, accepted.Reason);
        Assert.Equal([runId], Data(accepted).Stopped);
        Assert.Empty(Data(accepted).Failed);
        Assert.All(new[] { refused, accepted }, answer => Assert.Empty(ProtocolSchemas.ValidateResultData(MessageTypes.PipelineKill, answer.Data!.Value)));
        await rig.WaitForStateAsync(runId, PipelineStates.Stopped);
    }

    private static KilledRunsData Data(ResultPayload answer) => answer.Data!.Value.Deserialize(ProtocolJsonContext.Default.KilledRunsData)!;
}
