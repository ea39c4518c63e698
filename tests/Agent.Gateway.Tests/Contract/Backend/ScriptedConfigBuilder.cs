using System.Text.Json;
using System.Text.Json.Nodes;
using Agent.Gateway.Configs;

namespace Agent.Gateway.Tests.Contract.Backend;

/// <summary>
/// IRunConfigBuilder with WorkflowConfigBuilder's outline (source from the pipeline's service and sourceConfig, sink,
/// workflowConfig from openMetadataServerConnection, ingestionPipelineFQN), without the service lookup.
/// </summary>
internal sealed class ScriptedConfigBuilder : IRunConfigBuilder
{
    /// <summary>When set, BuildAsync throws it (a failed service lookup).</summary>
    public Exception? Failure { get; set; }

    public Task<BuiltPipeline> BuildAsync(JsonElement ingestionPipeline, CancellationToken cancellationToken)
    {
        if (Failure is not null)
        {
            throw Failure;
        }

        var node = JsonNode.Parse(ingestionPipeline.GetRawText())!.AsObject();
        var config = new JsonObject
        {
            ["source"] = new JsonObject
            {
                ["type"] = "mysql",
                ["serviceName"] = node["service"]?["name"]?.GetValue<string>(),
                ["sourceConfig"] = node["sourceConfig"]?.DeepClone(),
            },
            ["sink"] = new JsonObject { ["type"] = "metadata-rest", ["config"] = new JsonObject() },
            ["workflowConfig"] = new JsonObject { ["openMetadataServerConfig"] = node["openMetadataServerConnection"]?.DeepClone() },
            ["ingestionPipelineFQN"] = node["fullyQualifiedName"]?.GetValue<string>(),
        };
        if (node["sourceConfig"]?["config"]?["appConfig"] is { } appConfig)
        {
            config["appConfig"] = appConfig.DeepClone();
        }

        var serviceFqn = node["service"]?["fullyQualifiedName"]?.GetValue<string>() ?? string.Empty;
        return Task.FromResult(new BuiltPipeline(PipelineInfoMapper.From(ingestionPipeline), serviceFqn, config));
    }
}
