using System.Text.Json;

namespace Agent.Gateway.Configs;

/// <summary>
/// Builds the ingestion workflow config from a deploy payload as OpenMetadata's <c>WorkflowConfigBuilder</c> does for its
/// Kubernetes client (source, sink, workflowConfig, per-type steps, ingestionPipelineFQN), looking the service up
/// through the OpenMetadata REST API with the payload's bot token.
/// </summary>
internal interface IRunConfigBuilder
{
    Task<BuiltPipeline> BuildAsync(JsonElement ingestionPipeline, CancellationToken cancellationToken);
}
