namespace Agent.Gateway.Store;

/// <summary><c>dag_id</c> → agent, FQN and the latest deploy payload; survives a gateway restart.</summary>
internal interface IPipelineBook
{
    Task<DeployedPipeline?> FindAsync(string dagId, CancellationToken cancellationToken);

    /// <summary>
    /// Saves or replaces the record for <see cref="DeployedPipeline.DagId"/>. When the dag_id is held by a pipeline with
    /// another FQN the save is refused and that record is returned, so two pipelines never share one dag_id.
    /// </summary>
    Task<PipelineSave> SaveAsync(DeployedPipeline pipeline, CancellationToken cancellationToken);

    Task SetEnabledAsync(string dagId, bool enabled, CancellationToken cancellationToken);

    Task<bool> RemoveAsync(string dagId, CancellationToken cancellationToken);

    /// <summary>Keeps the record but marks it <see cref="DeployedPipeline.DeletePending"/> (its agent could not be reached).</summary>
    Task MarkDeletePendingAsync(string dagId, CancellationToken cancellationToken);

    /// <summary>The pipelines of <paramref name="agentId"/> whose delete waits for the agent to connect.</summary>
    Task<IReadOnlyList<DeployedPipeline>> PendingDeletesAsync(string agentId, CancellationToken cancellationToken);

    Task<IReadOnlyList<DeployedPipeline>> ListAsync(CancellationToken cancellationToken);
}
