using System.Text.Json;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.ControlPlane;
using Agent.Sandbox.ControlPlane;
using Agent.Sandbox.ControlPlane.Api;

namespace Agent.IntegrationTests.Faults;

/// <summary>Runs started and followed through the control plane alone, for tests whose agent is a process (no rig).</summary>
internal static class ServerRuns
{
    /// <summary>Sends <c>pipeline.run</c>, asserts it was accepted and returns the started workflow's (or Job's) name.</summary>
    public static async Task<string> StartAsync(
        ControlPlaneServer server, string agentId, string pipelineFqn, string runId, CancellationToken cancellation)
    {
        var answer = await server.SendRequestAsync(agentId, MessageTypes.PipelineRun, RequestPayloads.PipelineRun(pipelineFqn, runId: runId), cancellation);
        var result = ReliableMessages.Result(answer);
        Assert.True(result.Ok, $"{runId}: {result.Code} {result.Reason}");
        return result.Data!.Value.Deserialize(ProtocolJsonContext.Default.RunStartedData)!.WorkflowName;
    }

    /// <summary>Starts each run (named by its FQN) and waits until all of them run; returns each run's workflow or Job name.</summary>
    public static async Task<Dictionary<string, string>> StartRunningAsync(
        ControlPlaneServer server, string agentId, IEnumerable<(string PipelineFqn, string RunId)> runs, CancellationToken cancellation)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (pipelineFqn, runId) in runs)
        {
            names[runId] = await StartAsync(server, agentId, pipelineFqn, runId, cancellation);
        }

        foreach (var runId in names.Keys)
        {
            await WaitForStateAsync(server, runId, PipelineStates.Running, cancellation);
        }

        return names;
    }

    /// <summary>SIGKILLs the agent process (no drain, no goodbye), asserts it died of it and waits until the control plane saw it go.</summary>
    public static async Task SigkillAsync(AgentProcess agent, ControlPlaneServer server, string agentId, CancellationToken cancellation)
    {
        const int KilledBySignal9 = 128 + 9;
        await Signals.KillAsync(agent.Id, cancellation);
        Assert.Equal(KilledBySignal9, await agent.WaitForExitAsync(cancellation));
        await server.WaitForDisconnectAsync(agentId, cancellation);
    }

    public static Task<ReceivedStatus> WaitForStateAsync(ControlPlaneServer server, string runId, string state, CancellationToken cancellation) =>
        server.WaitForStatusAsync(s => s.RunId == runId && s.PipelineState == state, cancellation);

    /// <summary>Asserts each run's end was reported once, not again by a restarted agent or a resent request.</summary>
    public static void AssertEachEndedOnce(ControlPlaneServer server, string agentId, IEnumerable<string> runIds)
    {
        foreach (var runId in runIds)
        {
            var ends = server.GetStatuses(agentId: agentId, runId: runId).Count(s => PipelineStates.IsTerminal(s.Status.PipelineState));
            Assert.True(ends == 1, $"{runId}: {ends} final statuses");
        }
    }
}
