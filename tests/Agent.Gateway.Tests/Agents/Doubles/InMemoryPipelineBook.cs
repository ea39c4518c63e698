using System.Collections.Concurrent;
using Agent.Gateway.Store;

namespace Agent.Gateway.Tests.Agents.Doubles;

/// <summary>dag_id → deployed pipeline, with the store's rule that one dag_id belongs to one FQN.</summary>
internal sealed class InMemoryPipelineBook : IPipelineBook
{
    private readonly ConcurrentDictionary<string, DeployedPipeline> _pipelines = new(StringComparer.Ordinal);

    public Task<DeployedPipeline?> FindAsync(string dagId, CancellationToken cancellationToken) =>
        Task.FromResult(_pipelines.GetValueOrDefault(dagId));

    public Task<PipelineSave> SaveAsync(DeployedPipeline pipeline, CancellationToken cancellationToken)
    {
        var held = _pipelines.GetOrAdd(pipeline.DagId, pipeline);
        if (held.PipelineFqn != pipeline.PipelineFqn)
        {
            return Task.FromResult(new PipelineSave(false, held));
        }

        _pipelines[pipeline.DagId] = pipeline;
        return Task.FromResult(new PipelineSave(true));
    }

    public Task SetEnabledAsync(string dagId, bool enabled, CancellationToken cancellationToken) =>
        Update(dagId, pipeline => pipeline with { Enabled = enabled });

    public Task<bool> RemoveAsync(string dagId, CancellationToken cancellationToken) => Task.FromResult(_pipelines.TryRemove(dagId, out _));

    public Task MarkDeletePendingAsync(string dagId, CancellationToken cancellationToken) =>
        Update(dagId, pipeline => pipeline with { DeletePending = true });

    public Task<IReadOnlyList<DeployedPipeline>> PendingDeletesAsync(string agentId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DeployedPipeline>>([.. _pipelines.Values.Where(p => p.AgentId == agentId && p.DeletePending)]);

    public Task<IReadOnlyList<DeployedPipeline>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DeployedPipeline>>([.. _pipelines.Values.OrderBy(p => p.DagId, StringComparer.Ordinal)]);

    private Task Update(string dagId, Func<DeployedPipeline, DeployedPipeline> change)
    {
        if (_pipelines.TryGetValue(dagId, out var pipeline))
        {
            _pipelines[dagId] = change(pipeline);
        }

        return Task.CompletedTask;
    }
}
