using System.Text.Json;

namespace Agent.Core.Protocol.Messages;

public sealed record ApplicationRunRequest(PipelineInfo Pipeline, JsonElement Config);
