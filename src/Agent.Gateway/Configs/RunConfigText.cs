using System.Text.Json.Nodes;

namespace Agent.Gateway.Configs;

/// <summary>
/// The config as the agent receives it: YAML text, as K8sPipelineClient passes it in the <c>config</c> env of the run
/// (OM YAMLUtils.java @dc3fd0ef, stringifiedOMWorkflowConfig), plus the run's <c>pipelineRunId</c>.
/// </summary>
internal static class RunConfigText
{
    public const string RunIdKey = "pipelineRunId";

    public static string Render(JsonObject config, string? runId)
    {
        var tree = config;
        if (runId is not null)
        {
            tree = (JsonObject)config.DeepClone();
            tree[RunIdKey] = runId;
        }

        return YamlTreeWriter.Write(tree);
    }

    /// <summary>
    /// A copy of an application config with a trigger's <c>conf.appConfigOverride</c> merged into <c>appConfig</c>, top-level
    /// keys replacing (OM WorkflowConfigBuilder.java @30b1a60d, buildOMApplicationConfig: <c>configMap.putAll(configOverride)</c>).
    /// </summary>
    public static JsonObject WithAppConfigOverride(JsonObject config, JsonObject appConfigOverride)
    {
        var merged = (JsonObject)config.DeepClone();
        var appConfig = merged["appConfig"] as JsonObject ?? [];
        foreach (var (key, value) in appConfigOverride)
        {
            appConfig[key] = value?.DeepClone();
        }

        merged["appConfig"] = appConfig;
        return merged;
    }
}
