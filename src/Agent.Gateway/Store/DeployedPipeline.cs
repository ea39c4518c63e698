namespace Agent.Gateway.Store;

/// <summary>
/// What the gateway learned when OpenMetadata deployed a pipeline; every later call carries only the <c>dag_id</c>.
/// <see cref="ProtectedPayload"/> (the deploy payload, bot token included) and <see cref="ProtectedConfig"/> (the
/// workflow config built from it, without a run id) are encrypted with ASP.NET Core Data Protection.
/// <see cref="DeletePending"/> marks a pipeline OpenMetadata deleted while its agent was away: the delete is replayed
/// when the agent connects, so no schedule is left running unowned.
/// </summary>
internal sealed record DeployedPipeline(
    string DagId,
    string PipelineFqn,
    string ServiceFqn,
    string PipelineType,
    string AgentId,
    bool Enabled,
    string ProtectedPayload,
    string ProtectedConfig,
    DateTimeOffset DeployedAt,
    bool DeletePending = false);
