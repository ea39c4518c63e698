using Agent.Gateway.Store;

namespace Agent.Gateway.Tests.Contract.Backend;

/// <summary>IPipelineBook with the store's rules (one FQN per dag_id, pending deletes kept), in memory.</summary>
internal sealed class InMemoryPipelineBook : IPipelineBook
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DeployedPipeline> _pipelines = new(StringComparer.Ordinal);

    public Task<DeployedPipeline?> FindAsync(string dagId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_pipelines.GetValueOrDefault(dagId));
        }
    }

    public Task<PipelineSave> SaveAsync(DeployedPipeline pipeline, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_pipelines.TryGetValue(pipeline.DagId, out var holder) && holder.PipelineFqn != pipeline.PipelineFqn)
            {
                return Task.FromResult(new PipelineSave(false, holder));
            }

            _pipelines[pipeline.DagId] = pipeline;
            return Task.FromResult(new PipelineSave(true));
        }
    }

    public Task SetEnabledAsync(string dagId, bool enabled, CancellationToken cancellationToken) =>
        Update(dagId, p => p with { Enabled = enabled });

    public Task<bool> RemoveAsync(string dagId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_pipelines.Remove(dagId));
        }
    }

    public Task MarkDeletePendingAsync(string dagId, CancellationToken cancellationToken) =>
        Update(dagId, p => p with { DeletePending = true });

    public Task<IReadOnlyList<DeployedPipeline>> PendingDeletesAsync(string agentId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<DeployedPipeline>>([.. _pipelines.Values.Where(p => p.AgentId == agentId && p.DeletePending)]);
        }
    }

    public Task<IReadOnlyList<DeployedPipeline>> ListAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<DeployedPipeline>>([.. _pipelines.Values]);
        }
    }

    private Task Update(string dagId, Func<DeployedPipeline, DeployedPipeline> change)
    {
        lock (_gate)
        {
            if (_pipelines.TryGetValue(dagId, out var pipeline))
            {
                _pipelines[dagId] = change(pipeline);
            }
        }

        return Task.CompletedTask;
    }
}
