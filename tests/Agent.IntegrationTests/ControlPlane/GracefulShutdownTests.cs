using Agent.Core.Protocol;
using Agent.Sandbox.Argo;
using Agent.Sandbox.ControlPlane.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Agent.IntegrationTests.ControlPlane;

/// <summary>SIGTERM with a run in flight: the run finishes, its result and every reliable message are acknowledged, the link closes with 1001, exit code 0.</summary>
public sealed class GracefulShutdownTests
{
    private const int GoingAway = 1001;

    [Fact]
    public async Task Sigterm_RunInFlight_DeliversTheResultFlushesTheOutboxClosesWith1001AndExitsZero()
    {
        var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;
        await using var sandbox = await SandboxServer.StartAsync(new Dictionary<string, string?> { ["Sandbox:Argo:CreateDelaySeconds"] = "2" });
        var agentId = LinkSignals.NewAgentId("sigterm");
        await using var agent = AgentProcess.Start(sandbox, agentId, new Dictionary<string, string?> { ["SHUTDOWN_GRACE_SECONDS"] = "20" });
        var server = sandbox.ControlPlane;
        var connection = await server.WaitForAgentAsync(agentId, cancellation);
        var argo = sandbox.Services.GetRequiredService<ArgoEmulator>();
        var runId = Guid.NewGuid().ToString();

        var ticket = await server.SubmitAsync(agentId, MessageTypes.PipelineRun, RequestPayloads.PipelineRun("reliability.sigterm", runId: runId));
        await LinkSignals.UntilAsync(() => ArgoCounts.CreateCalls(argo) == 1, cancellation);
        await agent.TerminateAsync(cancellation);
        var exitCode = await agent.WaitForExitAsync(cancellation);
        await server.WaitForDisconnectAsync(agentId, cancellation);

        Assert.Equal(0, exitCode);
        var answer = await ticket.WaitAsync(cancellation);
        var result = ReliableMessages.Result(answer.Message);
        Assert.True(result.Ok, result.Reason);
        Assert.Equal(connection.SessionId, answer.SessionId);
        Assert.Equal(1, ArgoCounts.WorkflowsPerRun(argo)[runId]);
        Assert.Equal(GoingAway, server.GetAgentCloseCode(agentId));

        // Flushed: the server processed every seq up to the last one the agent sent, with no gap, and the agent says so.
        var lastSeq = Math.Max(answer.Message.Seq ?? 0, server.GetStatuses(agentId: agentId).Select(s => s.Seq ?? 0).DefaultIfEmpty().Max());
        Assert.Equal(lastSeq, server.GetAckedSeq(connection.InstanceId));
        Assert.Equal(0, server.Stats.Snapshot().ProtocolViolations);
        Assert.Contains(agent.Lines, line => line.Contains("Shutting down: taking no new requests", StringComparison.Ordinal) && line.Contains("for 1 operations", StringComparison.Ordinal));
        Assert.DoesNotContain(agent.Lines, line => line.Contains("Shutdown grace ran out", StringComparison.Ordinal));
    }
}
