using Agent.Core.Execution;
using System.Text.Json;
using Agent.Core.Executors.Argo;
using Agent.Core.Identity;
using Agent.Core.Link;
using Agent.Core.Metrics;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.Core.Runs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Agent.Tests.Runs;

public sealed class RunStatusReporterTests : IDisposable
{
    private const string WorkflowName = "om-daily-0123456789abcdef0123456789abcdef";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly RunRegistry _registry = new();
    private readonly ReliableOutbox _outbox;
    private readonly AgentMetrics _metrics;
    private readonly RunStatusReporter _reporter;

    public RunStatusReporterTests()
    {
        _outbox = new ReliableOutbox(64, _time);
        _metrics = new AgentMetrics(Prometheus.Metrics.NewCustomRegistry(), _time);
        _reporter = new RunStatusReporter(
            _registry,
            new RunInventory(),
            _outbox,
            new AgentIdentity("agent-1", _time),
            new RunRecovery(TimeSpan.FromMinutes(5)),
            _metrics,
            _time,
            NullLogger<RunStatusReporter>.Instance);
        _time.Advance(TimeSpan.FromMinutes(10));
    }

    [Fact]
    public async Task ObserveAsync_RegisteredRunChangesPhase_EnqueuesOneRunStatus()
    {
        Register();

        await _reporter.ObserveAsync(Workflow("Running"), CancellationToken.None);

        var message = Assert.Single(Sent());
        Assert.Equal(MessageTypes.RunStatus, message.Type);
        var payload = Payload(message);
        Assert.Equal(PipelineStates.Running, payload.PipelineState);
        Assert.Equal("run-1", payload.RunId);
        Assert.Equal("svc.pipeline", payload.PipelineFqn);
        Assert.Equal(WorkflowName, payload.WorkflowName);
        Assert.Equal(Created.ToUnixTimeMilliseconds(), payload.Timestamp);
        Assert.Equal(PipelineStates.Running, _registry.Find("run-1")!.State);
        Assert.Equal(message.Seq, _registry.Find("run-1")!.LastStatusSeq);
    }

    [Fact]
    public async Task ObserveAsync_SamePhaseAgain_EnqueuesNothing()
    {
        Register();
        await _reporter.ObserveAsync(Workflow("Running"), CancellationToken.None);

        await _reporter.ObserveAsync(Workflow("Running"), CancellationToken.None);

        Assert.Single(Sent());
    }

    [Fact]
    public async Task ObserveAsync_RegisteredQueuedRunStillPending_EnqueuesNothing()
    {
        Register();

        await _reporter.ObserveAsync(Workflow("Pending"), CancellationToken.None);

        Assert.Empty(Sent());
    }

    [Fact]
    public async Task ObserveAsync_UnknownWorkflowWithAnnotations_IsAdoptedAndReported()
    {
        await _reporter.ObserveAsync(Workflow("Running", annotated: true), CancellationToken.None);

        var adopted = _registry.FindByWorkflow(WorkflowName);
        Assert.NotNull(adopted);
        Assert.Equal("run-1", adopted.RunId);
        Assert.Equal("metadata", adopted.PipelineType);
        Assert.Equal(PipelineStates.Running, Payload(Assert.Single(Sent())).PipelineState);
    }

    [Fact]
    public async Task ObserveAsync_UnknownWorkflowWithoutAnnotations_IsIgnored()
    {
        await _reporter.ObserveAsync(Workflow("Running"), CancellationToken.None);

        Assert.Null(_registry.FindByWorkflow(WorkflowName));
        Assert.Empty(Sent());
    }

    [Fact]
    public async Task ObserveAsync_RunFinishedLongBeforeAgentStarted_IsNotReported()
    {
        var finishedBeforeStart = _time.GetUtcNow() - TimeSpan.FromHours(1);

        await _reporter.ObserveAsync(Workflow("Succeeded", annotated: true, finishedAt: finishedBeforeStart), CancellationToken.None);

        Assert.Empty(Sent());
        Assert.Null(_registry.FindByWorkflow(WorkflowName));
        Assert.Equal(0, _metrics.JobsByStatus.WithLabels("succeeded").Value);
    }

    /// <summary>A run that ended while no agent was there (within the recovery window) is reported by the next one.</summary>
    [Fact]
    public async Task ObserveAsync_RunFinishedJustBeforeAgentStarted_IsReported()
    {
        var finishedWhileDown = _time.GetUtcNow() - TimeSpan.FromMinutes(12);

        await _reporter.ObserveAsync(Workflow("Succeeded", annotated: true, finishedAt: finishedWhileDown), CancellationToken.None);

        Assert.Equal(PipelineStates.Success, Payload(Assert.Single(Sent())).PipelineState);
    }

    [Fact]
    public async Task ObserveAsync_AdoptedRunFinishedAfterAgentStarted_IsReported()
    {
        await _reporter.ObserveAsync(Workflow("Failed", annotated: true, finishedAt: _time.GetUtcNow()), CancellationToken.None);

        Assert.Equal(PipelineStates.Failed, Payload(Assert.Single(Sent())).PipelineState);
    }

    [Fact]
    public async Task ObserveAsync_RunSucceeds_CountsSucceededOnce()
    {
        Register();
        var finished = _time.GetUtcNow();

        await _reporter.ObserveAsync(Workflow("Running"), CancellationToken.None);
        await _reporter.ObserveAsync(Workflow("Succeeded", finishedAt: finished), CancellationToken.None);
        await _reporter.ObserveAsync(Workflow("Succeeded", finishedAt: finished), CancellationToken.None);

        Assert.Equal(1, _metrics.JobsByStatus.WithLabels("succeeded").Value);
        Assert.Equal(0, _metrics.JobsByStatus.WithLabels("failed").Value);
        var last = Payload(Sent()[^1]);
        Assert.Equal(PipelineStates.Success, last.PipelineState);
        Assert.Equal(finished.ToUnixTimeMilliseconds(), last.EndDate);
        Assert.Equal(2, Sent().Count);
    }

    [Fact]
    public async Task ObserveAsync_StoppedWorkflow_ReportsStoppedAndCountsIt()
    {
        Register();

        await _reporter.ObserveAsync(Workflow("Failed", finishedAt: _time.GetUtcNow(), shutdown: "Stop"), CancellationToken.None);

        Assert.Equal(PipelineStates.Stopped, Payload(Assert.Single(Sent())).PipelineState);
        Assert.Equal(1, _metrics.JobsByStatus.WithLabels("stopped").Value);
    }

    [Fact]
    public async Task ObserveAsync_RunRegisteredAtRequestTime_EveryStatusCarriesTheWorkflowsCreationTime()
    {
        Register();

        await _reporter.ObserveAsync(Workflow("Running"), CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(3));
        await _reporter.ObserveAsync(Workflow("Succeeded", finishedAt: _time.GetUtcNow()), CancellationToken.None);

        Assert.Equal([Created.ToUnixTimeMilliseconds(), Created.ToUnixTimeMilliseconds()], Sent().Select(message => Payload(message).Timestamp));
        Assert.Equal(Created, _registry.Find("run-1")!.CreatedAt);
    }

    /// <summary>FIDELITY §6.2: Argo says Running at once; the main pod's node says it still waits, and why.</summary>
    [Fact]
    public async Task ObserveAsync_RunningWorkflowWhoseMainPodWaits_ReportsQueuedWithEachNewReasonThenRunning()
    {
        _registry.GetOrAdd(new RunRecord("run-1", "svc.pipeline", "metadata", WorkflowName, "unknown", _time.GetUtcNow()));

        await _reporter.ObserveAsync(Waiting("ContainerCreating"), CancellationToken.None);
        await _reporter.ObserveAsync(Waiting("ContainerCreating"), CancellationToken.None);
        await _reporter.ObserveAsync(Waiting("ImagePullBackOff: Back-off pulling image \"openmetadata/ingestion:9\""), CancellationToken.None);
        await _reporter.ObserveAsync(Workflow("Running"), CancellationToken.None);

        Assert.Equal(
            [
                (PipelineStates.Queued, "ContainerCreating"),
                (PipelineStates.Queued, "ImagePullBackOff: Back-off pulling image \"openmetadata/ingestion:9\""),
                (PipelineStates.Running, (string?)null),
            ],
            Sent().Select(message => (Payload(message).PipelineState, Payload(message).Message)));
    }

    /// <summary>Finding 6: a report whose enqueue was cancelled (a full outbox at shutdown) is sent on the next observation.</summary>
    [Fact]
    public async Task ObserveAsync_EnqueueCancelledOnAFullOutbox_ReportsTheStateOnTheNextObservation()
    {
        using var outbox = new ReliableOutbox(1, _time);
        var reporter = new RunStatusReporter(
            _registry, new RunInventory(), outbox, new AgentIdentity("agent-1", _time), new RunRecovery(new ArgoOptions().RecoveryWindow), _metrics, _time, NullLogger<RunStatusReporter>.Instance);
        Register();
        var filler = await outbox.EnqueueAsync(MessageTypes.Result, JsonSerializer.SerializeToElement(new { }), null, CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var blocked = reporter.ObserveAsync(Workflow("Running"), cancel.Token).AsTask();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => blocked);
        outbox.Acknowledge(filler.Seq!.Value);
        await reporter.ObserveAsync(Workflow("Running"), CancellationToken.None);

        var sent = Assert.Single(outbox.After(0).Entries);
        Assert.Equal(PipelineStates.Running, Payload(sent.Message).PipelineState);
        Assert.Equal(sent.Seq, _registry.Find("run-1")!.LastStatusSeq);
    }

    public void Dispose() => _outbox.Dispose();

    private ArgoWorkflow Waiting(string reason) =>
        Workflow("Running") with { Nodes = [new(WorkflowName, WorkflowName, "Pod", "ingestion", "Pending", reason)] };

    /// <summary>The workflows' creation time, fixed, whatever the fake clock says when they are observed.</summary>
    private static DateTimeOffset Created { get; } = new(2025, 6, 1, 12, 8, 0, TimeSpan.Zero);

    private void Register() =>
        _registry.GetOrAdd(new RunRecord("run-1", "svc.pipeline", "metadata", WorkflowName, PipelineStates.Queued, _time.GetUtcNow()));

    private ArgoWorkflow Workflow(string phase, bool annotated = false, DateTimeOffset? finishedAt = null, string? shutdown = null)
    {
        var labels = new Dictionary<string, string> { [WorkflowLabels.PipelineType] = "metadata" };
        var annotations = annotated
            ? new Dictionary<string, string> { [WorkflowLabels.RunIdAnnotation] = "run-1", [WorkflowLabels.PipelineFqnAnnotation] = "svc.pipeline" }
            : [];
        var started = _time.GetUtcNow() - TimeSpan.FromMinutes(2);

        // Once the workflow is past Pending, its main pod has started: the node carries the workflow's phase.
        List<WorkflowNode> nodes = phase is "" or "Pending" ? [] : [new(WorkflowName, WorkflowName, "Pod", "ingestion", phase, null)];
        return new ArgoWorkflow(WorkflowName, "ns", labels, annotations, phase, Created, started, finishedAt, null, shutdown, "1") { Nodes = nodes };
    }

    private List<Envelope> Sent() => [.. _outbox.After(0).Entries.Select(entry => entry.Message)];

    private static RunStatusPayload Payload(Envelope message) =>
        message.Payload.Deserialize(ProtocolJsonContext.Default.RunStatusPayload)!;
}
