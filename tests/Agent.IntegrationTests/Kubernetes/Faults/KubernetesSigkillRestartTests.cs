using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.ControlPlane;
using Agent.IntegrationTests.Faults;

namespace Agent.IntegrationTests.Kubernetes.Faults;

/// <summary>
/// Twin of <c>SigkillRestartTests</c> on the Kubernetes executor: the agent process is SIGKILLed with four runs' Jobs
/// in flight and two of their pods end while it is dead. A new process with the same AGENT_ID reports the ended ones
/// with the outcome their Jobs reached, lists the running ones in its hello inventory and reports them when they end,
/// and no run ever gets a second Job, not even when the control plane re-sends a <c>pipeline.run</c> with the same run id.
/// </summary>
public sealed class KubernetesSigkillRestartTests
{
    private static readonly string[] Purposes = ["succeeds-while-dead", "fails-while-dead", "runs-on-a", "runs-on-b"];

    [Fact]
    public async Task Sigkill_JobsInFlightSomeEndWhileDead_NewProcessReportsEveryRunOnceWithOneJobEach()
    {
        var cancellation = TestTimeouts.Token(TimeSpan.FromSeconds(120));
        await using var sandbox = await SandboxServer.StartAsync(LongRunningJobs.Settings());
        var server = sandbox.ControlPlane;
        var kube = new KubeObjects(sandbox, "ingestion");
        var agentId = LinkSignals.NewAgentId("k8s-sigkill");
        var environment = AgentProcess.KubernetesEnvironment(sandbox, agentId);

        // One failed pod fails the run: otherwise the Job controller would start the next attempt after a back-off.
        environment["Kubernetes__BackoffLimit"] = "0";
        var runs = Purposes.ToDictionary(purpose => purpose, _ => Guid.NewGuid().ToString(), StringComparer.Ordinal);

        string firstInstance;
        Dictionary<string, string> jobNames;
        await using (var first = AgentProcess.Start(environment))
        {
            firstInstance = (await server.WaitForAgentAsync(agentId, cancellation)).InstanceId;
            jobNames = await ServerRuns.StartRunningAsync(
                server, agentId, runs.Select(run => ("fault.sigkill_" + run.Key.Replace('-', '_'), run.Value)), cancellation);
            await ServerRuns.SigkillAsync(first, server, agentId, cancellation);
        }

        await kube.ForcePhaseAsync(jobNames[runs["succeeds-while-dead"]], "Succeeded", cancellationToken: cancellation);
        await kube.ForcePhaseAsync(jobNames[runs["fails-while-dead"]], "Failed", exitCode: 1, cancellation);
        await using var second = AgentProcess.Start(environment);
        var secondInstance = (await server.WaitForAgentAsync(agentId, cancellation)).InstanceId;

        var succeeded = await ServerRuns.WaitForStateAsync(server, runs["succeeds-while-dead"], PipelineStates.Success, cancellation);
        var failed = await ServerRuns.WaitForStateAsync(server, runs["fails-while-dead"], PipelineStates.Failed, cancellation);
        var hello = server.GetAgent(agentId).LastHello!;
        var resent = await ServerRuns.StartAsync(server, agentId, "fault.sigkill_runs_on_a", runs["runs-on-a"], cancellation);
        var resentEnded = await ServerRuns.StartAsync(server, agentId, "fault.sigkill_succeeds_while_dead", runs["succeeds-while-dead"], cancellation);
        await kube.ForcePhaseAsync(jobNames[runs["runs-on-a"]], "Succeeded", cancellationToken: cancellation);
        await kube.ForcePhaseAsync(jobNames[runs["runs-on-b"]], "Succeeded", cancellationToken: cancellation);
        var laterA = await ServerRuns.WaitForStateAsync(server, runs["runs-on-a"], PipelineStates.Success, cancellation);
        var laterB = await ServerRuns.WaitForStateAsync(server, runs["runs-on-b"], PipelineStates.Success, cancellation);

        Assert.NotEqual(firstInstance, secondInstance);
        Assert.Equal(secondInstance, hello.InstanceId);
        Assert.All(new[] { succeeded, failed, laterA, laterB }, status => Assert.Equal(secondInstance, status.InstanceId));
        Assert.Equal(
            new[] { runs["runs-on-a"], runs["runs-on-b"] }.Order(StringComparer.Ordinal),
            hello.Inventory.Where(run => run.PipelineState == PipelineStates.Running).Select(run => run.RunId).Order(StringComparer.Ordinal));
        Assert.Equal(jobNames[runs["runs-on-a"]], resent);
        Assert.Equal(jobNames[runs["succeeds-while-dead"]], resentEnded);

        // One Job per run, each named from its run id, and each Job's single pod: a resend made neither a Job nor a pod.
        Assert.Equal(runs.Values.Order(StringComparer.Ordinal), kube.JobsPerRun().Keys.Order(StringComparer.Ordinal));
        Assert.All(kube.JobsPerRun(), pair => Assert.Equal(1, pair.Value));
        Assert.All(runs.Values, runId => Assert.Equal("om-run-" + Guid.Parse(runId).ToString("N"), jobNames[runId]));
        Assert.All(jobNames.Values, name => Assert.Single(kube.Pods(name)));
        ServerRuns.AssertEachEndedOnce(server, agentId, runs.Values);
    }
}
