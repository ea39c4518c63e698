using System.Text.Json.Nodes;
using Agent.Core.Protocol.Messages;

namespace Agent.Gateway.Configs;

/// <summary>
/// A deploy payload turned into what the agent receives: the protocol's pipeline object and the workflow config.
/// <see cref="Config"/> has no <c>pipelineRunId</c>; the config renderer adds one per run.
/// </summary>
internal sealed record BuiltPipeline(PipelineInfo Pipeline, string ServiceFqn, JsonObject Config);
