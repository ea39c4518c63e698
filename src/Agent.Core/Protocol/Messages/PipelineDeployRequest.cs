using System.Text.Json;

namespace Agent.Core.Protocol.Messages;

internal sealed record PipelineDeployRequest(PipelineInfo Pipeline, JsonElement Config);
