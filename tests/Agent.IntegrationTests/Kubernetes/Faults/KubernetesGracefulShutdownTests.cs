using Agent.Core.Protocol;
using Agent.IntegrationTests.ControlPlane;
using Agent.Sandbox.ControlPlane.Api;

namespace Agent.IntegrationTests.Kubernetes.Faults;

/// <summary>
/// Twin of <c>GracefulShutdownTests</c> on the Kubernetes executor: SIGTERM while a run is being started (its Job
/// already created): the start is finished (config Secret made, Job resumed), its result and every reliable message are
/// acknowledged, the link closes with 1001, exit code 0. The Job lives on in the cluster for the next agent.
/// </summary>
public sealed class KubernetesGracefulShutdownTests
{
    private const int GoingAway = 1001;

    [Fact]
    public async Task Sigterm_RunBeingStarted_FinishesItsJobDeliversTheResultFlushesTheOutboxClosesWith1001AndExitsZero()
    {
        var cancellation = TestTimeouts.Token(TimeSpan.FromSeconds(90));
        await using var sandbox = await SandboxServer.StartAsync(LongRunningJobs.Settings());
        var agentId = LinkSignals.NewAgentId("k8s-sigterm");
        var environment = AgentProcess.KubernetesEnvironment(sandbox, agentId);
        environment["SHUTDOWN_GRACE_SECONDS"] = "20";
        await using var agent = AgentProcess.Start(environment);
        var server = sandbox.ControlPlane;
        var kube = new KubeObjects(sandbox, "ingestion");
        var connection = await server.WaitForAgentAsync(agentId, cancellation);
        var runId = Guid.NewGuid().ToString();

        // The Job is the start's first step (created suspended, then its Secret, then resumed): SIGTERM as soon as it exists.
        var ticket = await server.SubmitAsync(agentId, MessageTypes.PipelineRun, RequestPayloads.PipelineRun("reliability.sigterm", runId: runId));
        var created = await kube.WaitForAsync(objects => objects.Jobs("reliability.sigterm").FirstOrDefault(), cancellation);
        await agent.TerminateAsync(cancellation);
        var exitCode = await agent.WaitForExitAsync(cancellation);
        await server.WaitForDisconnectAsync(agentId, cancellation);

        Assert.Equal(0, exitCode);
        var answer = await ticket.WaitAsync(cancellation);
        var result = ReliableMessages.Result(answer.Message);
        Assert.True(result.Ok, result.Reason);
        Assert.Equal(connection.SessionId, answer.SessionId);
        Assert.Equal(GoingAway, server.GetAgentCloseCode(agentId));

        // One Job for the run, the one created before the signal, finished starting: resumed, with its config Secret.
        Assert.Equal(1, kube.JobsPerRun()[runId]);
        var job = kube.Job(KubeObjects.Name(created))!;
        Assert.Equal((string?)created["metadata"]!["uid"], (string?)job["metadata"]!["uid"]);
        Assert.False((bool)job["spec"]!["suspend"]!);
        Assert.Single(kube.Secrets(), secret => (string?)secret["metadata"]!["ownerReferences"]![0]!["name"] == KubeObjects.Name(job));

        // Flushed: the server processed every seq up to the last one the agent sent, with no gap, and the agent says so.
        var lastSeq = Math.Max(answer.Message.Seq ?? 0, server.GetStatuses(agentId: agentId).Select(s => s.Seq ?? 0).DefaultIfEmpty().Max());
        Assert.Equal(lastSeq, server.GetAckedSeq(connection.InstanceId));
        Assert.Equal(0, server.Stats.Snapshot().ProtocolViolations);
        Assert.Contains(agent.Lines, line => line.Contains("Shutting down: taking no new requests", StringComparison.Ordinal));
        Assert.DoesNotContain(agent.Lines, line => line.Contains("Shutdown grace ran out", StringComparison.Ordinal));
    }
}
