using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Agent.Core.Protocol;
using Agent.IntegrationTests.ControlPlane;
using Agent.IntegrationTests.Infrastructure;
using Agent.Sandbox.ControlPlane.Api;

namespace Agent.IntegrationTests.Faults;

/// <summary><c>pipeline.run</c> with a <c>deadline</c>, as the flaky-executor tests of both executors send it.</summary>
internal static class DeadlineRuns
{
    public static async Task<DeadlineAnswer> SendAsync(AgentRig rig, string runId, TimeSpan deadlineAfter)
    {
        var deadline = DateTimeOffset.UtcNow + deadlineAfter;
        var payload = JsonNode.Parse(RequestPayloads.PipelineRun(AgentRig.PipelineFqn, runId: runId).GetRawText())!.AsObject();
        payload["deadline"] = deadline.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        var clock = Stopwatch.StartNew();
        var answer = await rig.ControlPlane.SendRequestAsync(
            rig.Agent.AgentId, MessageTypes.PipelineRun, JsonSerializer.SerializeToElement(payload), rig.Cancellation);
        return new DeadlineAnswer(runId, ReliableMessages.Result(answer), deadline, DateTimeOffset.UtcNow, clock.Elapsed);
    }
}
