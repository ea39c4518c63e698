namespace Agent.Gateway.Hosting.Admin;

/// <summary>
/// One deployed pipeline as <c>GET /admin/pipelines</c> shows it: where it runs, never its payload or config
/// (they hold the bot token).
/// </summary>
internal sealed record PipelineView(
    string DagId,
    string PipelineFqn,
    string ServiceFqn,
    string PipelineType,
    string AgentId,
    bool Enabled,
    DateTimeOffset DeployedAt,
    bool DeletePending);
