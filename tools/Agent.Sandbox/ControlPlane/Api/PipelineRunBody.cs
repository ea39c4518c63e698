using System.Text.Json;
using System.Text.Json.Serialization;

namespace Agent.Sandbox.ControlPlane.Api;

/// <summary>Body of <c>POST /sandbox/agents/{agentId}/pipelines/run</c>; the pipeline object is built from it.</summary>
/// <param name="PipelineFqn">The pipeline's fully qualified name, as every <c>/pipelines/*</c> route names it.</param>
/// <param name="FullyQualifiedName">Deprecated: the old name of <paramref name="PipelineFqn"/>, still accepted.</param>
/// <param name="Name">The pipeline's name; the FQN's last part when absent.</param>
/// <param name="PipelineType">metadata (default), usage, lineage, profiler, …</param>
/// <param name="Config">The ingestion workflow config (YAML or JSON text); a MySQL metadata config when absent.</param>
/// <param name="RunId">The run id (a canonical UUID); the agent makes one when absent.</param>
/// <param name="Id">The request id; a new GUID when absent.</param>
/// <param name="TimeoutSeconds">How long to wait for the result (default from options, 30 s).</param>
/// <param name="Wait">False answers 202 at once; fetch the result from <c>/sandbox/requests/{id}</c>.</param>
internal sealed record PipelineRunBody(
    string? PipelineFqn,
    string? FullyQualifiedName,
    string? Name,
    string? PipelineType,
    JsonElement? Config,
    string? RunId,
    string? Id,
    int? TimeoutSeconds,
    bool? Wait)
{
    /// <summary>The FQN under either name; <see cref="PipelineFqn"/> wins when both are given.</summary>
    [JsonIgnore]
    public string? Fqn => string.IsNullOrWhiteSpace(PipelineFqn) ? FullyQualifiedName : PipelineFqn;
}
