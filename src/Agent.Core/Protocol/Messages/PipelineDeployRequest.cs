using System.Text.Json;

namespace Agent.Core.Protocol.Messages;

public sealed record PipelineDeployRequest(PipelineInfo Pipeline, JsonElement Config);
