using System.Collections.Concurrent;
using System.Threading.Channels;
using Agent.Core.Execution;
using Agent.Core.Logs;
using Agent.Core.Protocol.Messages;
using Microsoft.Extensions.Hosting;

namespace Agent.IntegrationTests.Execution;

/// <summary>
/// An executor with no Argo behind it: a started run runs at once and succeeds, and what it goes through reaches the
/// agent through <see cref="IRunObserver"/> as Argo's watcher reports it. It exists to show that a new executor plugs in
/// behind the seam without a change to any handler.
/// </summary>
internal sealed class InMemoryExecutor(IRunObserver observer, TimeProvider timeProvider) : BackgroundService, IRunExecutor
{
    public const string Kind = "in-memory";

    private readonly ConcurrentDictionary<string, RunView> _runs = new(StringComparer.Ordinal);
    private readonly Channel<RunView> _changes = Channel.CreateUnbounded<RunView>(new UnboundedChannelOptions { SingleReader = true });

    public ExecutorDescription Description { get; } = new(Kind, "InMemory", "memory");

    /// <summary>The runs started, by workflow name.</summary>
    public IReadOnlyDictionary<string, RunView> Runs => _runs;

    public Task<string> GetVersionAsync(CancellationToken cancellationToken) => Task.FromResult("1.0.0");

    public Task<RunPlan> PlanAsync(RunRequest run, CancellationToken cancellationToken) =>
        Task.FromResult<RunPlan>(new InMemoryPlan(run, $"mem-{run.RunId}"));

    public Task<EarlierRun?> FindEarlierRunAsync(string runId, CancellationToken cancellationToken) =>
        Task.FromResult(_runs.Values.Where(run => run.RunId == runId).Select(run => new EarlierRun(run.WorkflowName, run.PipelineFqn)).FirstOrDefault());

    public Task<RunStart> StartAsync(RunPlan plan, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var queued = new RunView(plan.WorkflowName, plan.Run.RunId, plan.Run.PipelineFqn, plan.Run.PipelineType, PipelineStates.Queued, null, now, null, null, false);
        if (!_runs.TryAdd(plan.WorkflowName, queued))
        {
            return Task.FromResult(_runs[plan.WorkflowName].RunId == plan.Run.RunId ? RunStart.AlreadyStarted : RunStart.NameTakenByAnotherRun);
        }

        // The run "runs" at once: one observation per state, in order, from the executor's own loop.
        var running = queued with { State = PipelineStates.Running, StartedAt = now };
        _changes.Writer.TryWrite(running);
        _changes.Writer.TryWrite(running with { State = PipelineStates.Success, FinishedAt = now, IsCompleted = true });
        return Task.FromResult(RunStart.Started);
    }

    public Task<RunStop> StopRunAsync(string pipelineFqn, string runId, CancellationToken cancellationToken) =>
        Task.FromResult(Find(pipelineFqn, runId) is null ? RunStop.NotFound : RunStop.AlreadyFinished);

    public Task<IReadOnlyList<RunStopResult>> StopPipelineRunsAsync(string pipelineFqn, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RunStopResult>>([]);

    public Task<IReadOnlyList<RunView>> ListRunsAsync(string? pipelineFqn, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RunView>>([.. _runs.Values.Where(run => pipelineFqn is null || run.PipelineFqn == pipelineFqn)]);

    public Task<RunLogPage?> ReadLogPageAsync(string pipelineFqn, string? runId, int page, CancellationToken cancellationToken) =>
        Task.FromResult(Find(pipelineFqn, runId) is { } run
            ? new RunLogPage(RunLogPageStatus.NoLogs, LogPager.TaskKey(run.PipelineType ?? string.Empty), page, string.Empty, false, "in-memory runs keep no log")
            : null);

    public Task DeleteRunsAsync(string pipelineFqn, CancellationToken cancellationToken)
    {
        foreach (var run in _runs.Values.Where(run => run.PipelineFqn == pipelineFqn))
        {
            _runs.TryRemove(run.WorkflowName, out _);
        }

        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Nothing survives a restart here, so the inventory is complete at once and the first hello need not wait.
        observer.ObservedAll();
        try
        {
            await foreach (var change in _changes.Reader.ReadAllAsync(stoppingToken))
            {
                _runs[change.WorkflowName] = change;
                await observer.ObserveAsync(change, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private RunView? Find(string pipelineFqn, string? runId) =>
        _runs.Values.Where(run => run.PipelineFqn == pipelineFqn && (runId is null || run.RunId == runId)).MaxBy(run => run.CreatedAt);

    private sealed class InMemoryPlan(RunRequest run, string workflowName) : RunPlan(run, workflowName, null);
}
