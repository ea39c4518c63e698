using System.Text.Json;

namespace Agent.Core.Protocol.Messages;

/// <summary>
/// Payload of <c>pipeline.run</c>. <c>config</c> is the ingestion workflow config: text (YAML or JSON) passed to the
/// container unchanged; an object is accepted and passed on as JSON text. Every request payload may also carry
/// an RFC 3339 <c>deadline</c>, which the dispatcher reads before the handler runs.
/// </summary>
internal sealed record PipelineRunRequest(PipelineInfo Pipeline, JsonElement Config, string? RunId = null);
