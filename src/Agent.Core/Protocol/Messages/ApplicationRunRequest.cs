using System.Text.Json;

namespace Agent.Core.Protocol.Messages;

internal sealed record ApplicationRunRequest(PipelineInfo Pipeline, JsonElement Config);
