using System.Text.Json;
using System.Text.Json.Nodes;
using Agent.Core.Ingestion;

namespace Agent.Core.Executors.Argo.Customization;

/// <summary>
/// The operator's pod settings, read once at start: the container and workflow spec files and the per-type configs.
/// Fields the agent owns (its templates, entrypoint and the env it passes to the container) cannot be overridden.
/// </summary>
internal sealed class PodCustomization
{
    /// <summary>Env the agent sets for the ingestion entrypoints; a file that sets them would break every run.</summary>
    public static readonly IReadOnlySet<string> ReservedEnv = new HashSet<string>(StringComparer.Ordinal)
    {
        "config", "pipelineType", "pipelineRunId", "ingestionPipelineFQN", "pipelineStatus",
    };

    private static readonly string[] ReservedSpecKeys = ["templates", "entrypoint", "onExit", "arguments", "workflowTemplateRef"];

    public JsonObject? ContainerPatch { get; private init; }

    public JsonObject? WorkflowPatch { get; private init; }

    public IReadOnlyDictionary<string, JsonObject> TypeConfigs { get; private init; } = new Dictionary<string, JsonObject>();

    public static PodCustomization Load(IngestionOptions options) => new()
    {
        ContainerPatch = ReadYamlObject(options.ContainerSpecFilePath, "ARGO_INGESTION_CONTAINER_SPEC_FILE_PATH", CheckContainer),
        WorkflowPatch = ReadYamlObject(options.WorkflowSpecFilePath, "ARGO_INGESTION_WORKFLOW_SPEC_FILE_PATH", CheckWorkflowSpec),
        TypeConfigs = ReadTypeConfigs(options.PipelineTypeConfigs),
    };

    private static JsonObject? ReadYamlObject(string? path, string variable, Action<JsonObject, string> check)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        JsonNode? parsed;
        try
        {
            parsed = YamlToJson.Parse(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or YamlDotNet.Core.YamlException or InvalidCastException)
        {
            throw new CustomizationException($"{variable} '{path}' cannot be read as YAML: {ex.Message}", ex);
        }

        var patch = parsed as JsonObject ?? throw new CustomizationException($"{variable} '{path}' must hold a YAML mapping (key: value), not {parsed?.GetValueKind().ToString() ?? "nothing"}");
        check(patch, $"{variable} '{path}'");
        return patch;
    }

    private static Dictionary<string, JsonObject> ReadTypeConfigs(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new CustomizationException($"ARGO_PIPELINE_TYPE_CONFIGS is not valid JSON: {ex.Message}", ex);
        }

        if (parsed is not JsonObject types)
        {
            throw new CustomizationException("ARGO_PIPELINE_TYPE_CONFIGS must be a JSON object keyed by pipeline type, e.g. {\"automation\":{\"priorityClassName\":\"high\"}}");
        }

        var configs = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var (type, settings) in types)
        {
            var config = settings as JsonObject ?? throw new CustomizationException($"ARGO_PIPELINE_TYPE_CONFIGS entry '{type}' must be a JSON object");
            CheckWorkflowSpec(config, $"ARGO_PIPELINE_TYPE_CONFIGS entry '{type}'");

            // Its env reaches every container just as the container file's does.
            CheckContainer(config, $"ARGO_PIPELINE_TYPE_CONFIGS entry '{type}'");
            configs[type] = config;
        }

        return configs;
    }

    private static void CheckContainer(JsonObject container, string source)
    {
        if (container["env"] is JsonArray env
            && env.OfType<JsonObject>().Select(item => item["name"]?.GetValue<string>()).FirstOrDefault(name => name is not null && ReservedEnv.Contains(name)) is { } reserved)
        {
            throw new CustomizationException($"{source} sets env '{reserved}', which the agent sets for every run");
        }
    }

    private static void CheckWorkflowSpec(JsonObject spec, string source)
    {
        if (ReservedSpecKeys.FirstOrDefault(spec.ContainsKey) is { } reserved)
        {
            throw new CustomizationException($"{source} sets '{reserved}', which the agent builds itself");
        }
    }
}
