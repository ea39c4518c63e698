using System.Text.Json;
using System.Text.Json.Nodes;

namespace Agent.Gateway.Configs;

/// <summary>
/// The OpenMetadataAppConfig of an <c>application</c> pipeline (OM WorkflowConfigBuilder.java @30b1a60d,
/// buildOMApplicationConfig; ApplicationWorkflowConfig.java @52a6c3ad, buildOMApplicationConfig). AirflowRESTClient's
/// deploy payload already carries the ApplicationPipeline in <c>sourceConfig.config</c> (buildDeployPayload), so
/// <c>sourcePythonClass</c>, <c>appConfig</c> and <c>appPrivateConfig</c> are read from there. No service lookup: the
/// upstream app path never reads the service; the runner name comes from the pipeline's own <c>ingestionRunner</c>.
/// </summary>
internal static class ApplicationConfig
{
    public static JsonObject Build(JsonElement pipeline)
    {
        var settings = PayloadJson.Child(PayloadJson.Child(pipeline, "sourceConfig") ?? default, "config")
            ?? throw new RunConfigException("the application pipeline's deploy payload has no sourceConfig.config (the ApplicationPipeline)");
        var config = new JsonObject
        {
            ["sourcePythonClass"] = PayloadJson.RequiredString(settings, "sourcePythonClass", "sourceConfig.config.sourcePythonClass"),
        };
        foreach (var name in (string[])["appConfig", "appPrivateConfig"])
        {
            if (PayloadJson.Copy(PayloadJson.Child(settings, name)) is { } value)
            {
                config[name] = value;
            }
        }

        var runner = PayloadJson.Child(pipeline, "ingestionRunner") is { } reference ? PayloadJson.String(reference, "name") : null;
        WorkflowConfigParts.AddCommon(config, pipeline, runner);
        return config;
    }
}
