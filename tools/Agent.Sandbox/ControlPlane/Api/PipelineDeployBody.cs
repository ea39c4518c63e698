using System.Text.Json;

namespace Agent.Sandbox.ControlPlane.Api;

/// <summary>Body of <c>POST /sandbox/agents/{agentId}/pipelines/deploy</c>; the pipeline object is built from it.</summary>
/// <param name="PipelineFqn">The pipeline's fully qualified name.</param>
/// <param name="Schedule">A cron expression or <c>@hourly</c>-style macro; the agent keeps a CronWorkflow for it. None when absent.</param>
/// <param name="Timezone">The schedule's time zone (default UTC).</param>
/// <param name="Name">The pipeline's name; the FQN's last part when absent.</param>
/// <param name="PipelineType">metadata (default), usage, lineage, profiler, …</param>
/// <param name="Config">The ingestion workflow config (YAML or JSON text); a MySQL metadata config when absent.</param>
/// <param name="Id">The request id; a new GUID when absent.</param>
/// <param name="TimeoutSeconds">How long to wait for the result (default from options, 30 s).</param>
/// <param name="Wait">False answers 202 at once; fetch the result from <c>/sandbox/requests/{id}</c>.</param>
internal sealed record PipelineDeployBody(
    string? PipelineFqn,
    string? Schedule,
    string? Timezone,
    string? Name,
    string? PipelineType,
    JsonElement? Config,
    string? Id,
    int? TimeoutSeconds,
    bool? Wait);
