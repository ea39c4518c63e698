using Agent.Core.Execution;
using System.Text.Json;
using Agent.Core.Executors.Argo;
using Agent.Core.Identity;
using Agent.Core.Link;
using Agent.Core.Metrics;
using Agent.Core.Operations.Handlers;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.Core.Runs;
using Agent.Tests.Argo.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Agent.Tests.Runs;

/// <summary>
/// Issue 12 finding 7: the agent is down for two hours while its runs finish. The next process reports at start what
/// ended within <c>Argo:RecoveryWindow</c>; the control plane's <c>runs.reconcile</c> returns every run that ended
/// since it last heard the agent, however long ago, so together each final state reaches it exactly once.
/// </summary>
public sealed class RecoveryHorizonTests
{
    private const string AgentId = "unit-agent";
    private static readonly DateTimeOffset LastHeard = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(LastHeard);

    [Fact]
    public async Task Reconnect_AgentDownTwoHoursWhileRunsFinished_EveryFinalStateReachesTheControlPlaneOnce()
    {
        // The agent that reported the three runs running is last heard at 12:00 and dies; they end while none runs.
        var workflows = new[]
        {
            Finished("run-early", "Succeeded", LastHeard.AddMinutes(5)),
            Finished("run-middle", "Failed", LastHeard.AddMinutes(50)),
            Finished("run-late", "Succeeded", LastHeard.AddMinutes(110)),
        };
        _time.Advance(TimeSpan.FromHours(2));

        // The next process lists them at start and reports what ended within the recovery window.
        using var outbox = new ReliableOutbox(64, _time);
        var reporter = new RunStatusReporter(
            new RunRegistry(), new RunInventory(), outbox, new AgentIdentity("agent-1", _time), new RunRecovery(new ArgoOptions().RecoveryWindow),
            new AgentMetrics(Prometheus.Metrics.NewCustomRegistry(), _time), _time, NullLogger<RunStatusReporter>.Instance);
        foreach (var workflow in workflows)
        {
            await reporter.ObserveAsync(workflow, CancellationToken.None);
        }

        // The control plane sees a new instance and asks for what ended since it last heard the agent (protocol §7.1).
        var argo = new FakeArgoWorkflowClient(workflows);
        var reconciled = await ReconcileAsync(argo, LastHeard.AddMinutes(-10));

        var reported = outbox.After(0).Entries.Select(entry => entry.Message.Payload.Deserialize(ProtocolJsonContext.Default.RunStatusPayload)!);
        var finals = new Dictionary<string, List<RunStatusPayload>>(StringComparer.Ordinal);
        foreach (var status in reported.Concat(reconciled.Runs).Where(status => PipelineStates.IsTerminal(status.PipelineState)))
        {
            // The control plane keeps one final state per run: a second report of the same state is the same row.
            var states = finals.TryGetValue(status.RunId, out var known) ? known : finals[status.RunId] = [];
            if (!states.Any(state => state.PipelineState == status.PipelineState && state.EndDate == status.EndDate))
            {
                states.Add(status);
            }
        }

        Assert.Equal(["run-early", "run-middle", "run-late"], reconciled.Runs.Select(run => run.RunId));
        Assert.False(reconciled.More);
        Assert.Equal([WorkflowLabels.SelectorForAgent(AgentId)], argo.Selectors);
        Assert.Equal(
            [("run-early", PipelineStates.Success), ("run-late", PipelineStates.Success), ("run-middle", PipelineStates.Failed)],
            finals.OrderBy(run => run.Key, StringComparer.Ordinal).Select(run => (run.Key, Assert.Single(run.Value).PipelineState)));
        Assert.Equal(LastHeard.AddMinutes(5).ToUnixTimeMilliseconds(), reconciled.Runs[0].EndDate);
        Assert.Equal("svc.pipeline", reconciled.Runs[0].PipelineFqn);
    }

    [Fact]
    public async Task HandleAsync_Since_ListsOnlyOwnedRunsThatEndedAtOrAfterItOldestFirst()
    {
        var running = Finished("run-active", "Running", null);
        var foreign = Finished("run-foreign", "Succeeded", LastHeard.AddMinutes(30)) with { Annotations = new Dictionary<string, string>() };
        var argo = new FakeArgoWorkflowClient(
            Finished("run-second", "Succeeded", LastHeard.AddMinutes(20)),
            Finished("run-before", "Failed", LastHeard.AddMinutes(-1)),
            running,
            foreign,
            Finished("run-first", "Failed", LastHeard));

        var answer = await ReconcileAsync(argo, LastHeard);

        Assert.Equal(["run-first", "run-second"], answer.Runs.Select(run => run.RunId));
    }

    [Fact]
    public async Task HandleAsync_NoSince_ListsEveryFinishedRunArgoHolds()
    {
        var argo = new FakeArgoWorkflowClient(Finished("run-old", "Succeeded", LastHeard.AddDays(-6)));

        var answer = await ReconcileAsync(argo, since: null);

        Assert.Equal("run-old", Assert.Single(answer.Runs).RunId);
    }

    private async Task<RunsReconcileData> ReconcileAsync(IArgoWorkflowClient argo, DateTimeOffset? since)
    {
        var handler = new RunsReconcileHandler(ArgoExecutors.Over(argo, AgentId), _time);
        var payload = JsonSerializer.SerializeToElement(new RunsReconcileRequest(since?.ToUnixTimeMilliseconds()), ProtocolJsonContext.Default.RunsReconcileRequest);
        var result = await handler.HandleAsync(new Envelope(MessageTypes.RunsReconcile, Guid.NewGuid().ToString(), _time.GetUtcNow(), payload), CancellationToken.None);
        Assert.True(result.Ok, result.Reason);
        return result.Data!.Value.Deserialize(ProtocolJsonContext.Default.RunsReconcileData)!;
    }

    private static ArgoWorkflow Finished(string runId, string phase, DateTimeOffset? finishedAt)
    {
        var name = "om-pipeline-" + runId;
        var labels = new Dictionary<string, string> { [WorkflowLabels.PipelineType] = "metadata" };
        var annotations = new Dictionary<string, string> { [WorkflowLabels.RunIdAnnotation] = runId, [WorkflowLabels.PipelineFqnAnnotation] = "svc.pipeline" };
        var created = LastHeard.AddMinutes(-30);
        return new ArgoWorkflow(name, "ns", labels, annotations, phase, created, created.AddSeconds(5), finishedAt, null, null, "1")
        {
            Nodes = [new WorkflowNode(name, name, "Pod", "ingestion", phase, null)],
        };
    }
}
