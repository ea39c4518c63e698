using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.ControlPlane;
using Agent.Sandbox.Argo;
using Microsoft.Extensions.DependencyInjection;

namespace Agent.IntegrationTests.Faults;

/// <summary>
/// The agent process is SIGKILLed (no drain, no goodbye) with four runs in flight; two of them end while it is dead.
/// A new process with the same AGENT_ID reconciles all four: the ended ones are reported with the phase Argo gave them,
/// the running ones are in its hello inventory and are reported when they end, and no run ever gets a second workflow,
/// not even when the control plane re-sends a <c>pipeline.run</c> with the same run id.
/// </summary>
public sealed class SigkillRestartTests
{
    private const string Namespace = "ingestion";
    private static readonly string[] Purposes = ["succeeds-while-dead", "fails-while-dead", "runs-on-a", "runs-on-b"];

    [Fact]
    public async Task Sigkill_RunsInFlightSomeEndWhileDead_NewProcessReportsEveryRunOnceWithOneWorkflowEach()
    {
        var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(90)).Token;
        await using var sandbox = await SandboxServer.StartAsync(new Dictionary<string, string?>
        {
            ["Sandbox:Argo:PendingSeconds"] = "0",
            ["Sandbox:Argo:RunningSeconds"] = "600",
        });
        var server = sandbox.ControlPlane;
        var argo = sandbox.Services.GetRequiredService<ArgoEmulator>();
        var agentId = LinkSignals.NewAgentId("sigkill");
        var runs = Purposes.ToDictionary(purpose => purpose, _ => Guid.NewGuid().ToString(), StringComparer.Ordinal);

        string firstInstance;
        Dictionary<string, string> workflowNames;
        await using (var first = AgentProcess.Start(sandbox, agentId, new Dictionary<string, string?>()))
        {
            firstInstance = (await server.WaitForAgentAsync(agentId, cancellation)).InstanceId;
            workflowNames = await ServerRuns.StartRunningAsync(
                server, agentId, runs.Select(run => ("fault.sigkill_" + run.Key.Replace('-', '_'), run.Value)), cancellation);
            await ServerRuns.SigkillAsync(first, server, agentId, cancellation);
        }

        argo.ForcePhase(Namespace, workflowNames[runs["succeeds-while-dead"]], "Succeeded");
        argo.ForcePhase(Namespace, workflowNames[runs["fails-while-dead"]], "Failed", "killed while the agent was down");
        await using var second = AgentProcess.Start(sandbox, agentId, new Dictionary<string, string?>());
        var secondInstance = (await server.WaitForAgentAsync(agentId, cancellation)).InstanceId;

        var succeeded = await ServerRuns.WaitForStateAsync(server, runs["succeeds-while-dead"], PipelineStates.Success, cancellation);
        var failed = await ServerRuns.WaitForStateAsync(server, runs["fails-while-dead"], PipelineStates.Failed, cancellation);
        var hello = server.GetAgent(agentId).LastHello!;
        var resent = await ServerRuns.StartAsync(server, agentId, "fault.sigkill_runs_on_a", runs["runs-on-a"], cancellation);
        var resentEnded = await ServerRuns.StartAsync(server, agentId, "fault.sigkill_succeeds_while_dead", runs["succeeds-while-dead"], cancellation);
        argo.ForcePhase(Namespace, workflowNames[runs["runs-on-a"]], "Succeeded");
        argo.ForcePhase(Namespace, workflowNames[runs["runs-on-b"]], "Succeeded");
        var laterA = await ServerRuns.WaitForStateAsync(server, runs["runs-on-a"], PipelineStates.Success, cancellation);
        var laterB = await ServerRuns.WaitForStateAsync(server, runs["runs-on-b"], PipelineStates.Success, cancellation);

        Assert.NotEqual(firstInstance, secondInstance);
        Assert.Equal(secondInstance, hello.InstanceId);
        Assert.All(new[] { succeeded, failed, laterA, laterB }, status => Assert.Equal(secondInstance, status.InstanceId));
        Assert.Equal(
            new[] { runs["runs-on-a"], runs["runs-on-b"] }.Order(StringComparer.Ordinal),
            hello.Inventory.Where(run => run.PipelineState == PipelineStates.Running).Select(run => run.RunId).Order(StringComparer.Ordinal));
        Assert.Equal(workflowNames[runs["runs-on-a"]], resent);
        Assert.Equal(workflowNames[runs["succeeds-while-dead"]], resentEnded);
        Assert.Equal(runs.Values.Order(StringComparer.Ordinal), ArgoCounts.WorkflowsPerRun(argo).Keys.Order(StringComparer.Ordinal));
        Assert.All(ArgoCounts.WorkflowsPerRun(argo), pair => Assert.Equal(1, pair.Value));

        // Each run's end is reported once, by the new process.
        ServerRuns.AssertEachEndedOnce(server, agentId, runs.Values);
    }
}
