namespace Agent.Gateway.Store;

/// <summary>
/// What the gateway learned when OpenMetadata deployed a pipeline; every later call carries only the <c>dag_id</c>.
/// <see cref="ProtectedPayload"/> is the deploy payload (bot token included) encrypted with ASP.NET Core Data Protection.
/// </summary>
internal sealed record DeployedPipeline(
    string DagId,
    string PipelineFqn,
    string ServiceFqn,
    string PipelineType,
    string AgentId,
    bool Enabled,
    string ProtectedPayload,
    DateTimeOffset DeployedAt);
