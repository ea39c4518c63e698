using System.Text.Json.Nodes;
using Agent.Core.Operations;
using Agent.Core.Protocol;
using Agent.IntegrationTests.Infrastructure;
using Agent.Sandbox.Argo;
using Agent.Sandbox.ControlPlane.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Agent.IntegrationTests.ControlPlane;

/// <summary>A request that arrives after its <c>payload.deadline</c> is answered 408 and not executed (protocol §4).</summary>
public sealed class DeadlineTests
{
    [Fact]
    public async Task PipelineRun_PastItsDeadline_Answered408AndCreatesNoWorkflow()
    {
        var cancellation = TestTimeouts.Token();
        await using var rig = await AgentRig.StartAsync(LinkSignals.NewAgentId("deadline"));
        var (sandbox, agent) = (rig.Sandbox, rig.Agent);
        var late = WithDeadline(RequestPayloads.PipelineRun("reliability.late", runId: Guid.NewGuid().ToString()), DateTimeOffset.UtcNow.AddMinutes(-1));
        var onTime = WithDeadline(RequestPayloads.PipelineRun("reliability.on_time", runId: Guid.NewGuid().ToString()), DateTimeOffset.UtcNow.AddMinutes(5));

        var lateAnswer = ReliableMessages.Result(await sandbox.ControlPlane.SendRequestAsync(agent.AgentId, MessageTypes.PipelineRun, late, cancellation));
        var onTimeAnswer = ReliableMessages.Result(await sandbox.ControlPlane.SendRequestAsync(agent.AgentId, MessageTypes.PipelineRun, onTime, cancellation));

        Assert.False(lateAnswer.Ok);
        Assert.Equal(ResultCodes.DeadlinePassed, lateAnswer.Code);
        Assert.Contains("deadline", lateAnswer.Reason, StringComparison.Ordinal);
        Assert.True(onTimeAnswer.Ok, onTimeAnswer.Reason);

        // Only the request within its deadline reached Argo.
        var argo = sandbox.Services.GetRequiredService<ArgoEmulator>();
        Assert.Equal(1, ArgoCounts.CreateCalls(argo));
        Assert.Equal([onTimeAnswer.RunId], ArgoCounts.WorkflowsPerRun(argo).Keys);
    }

    internal static System.Text.Json.JsonElement WithDeadline(System.Text.Json.JsonElement payload, DateTimeOffset deadline)
    {
        var node = JsonNode.Parse(payload.GetRawText())!.AsObject();
        node["deadline"] = deadline.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
        return System.Text.Json.JsonSerializer.SerializeToElement(node);
    }
}
