namespace Agent.Sandbox.Argo.Image;

/// <summary>
/// The top-level shape of the configs the image parses with pydantic (FIDELITY §2.3, §8.1, §8.2): required keys,
/// <c>additionalProperties: false</c>, and <c>pipelineRunId</c> as a UUID (type/basic.json#/definitions/uuid).
/// </summary>
internal static class ConfigSchema
{
    public const string WorkflowModel = "OpenMetadataWorkflowConfig";
    public const string ApplicationModel = "OpenMetadataApplicationConfig";

    // [derived] OpenMetadata workflow.json @ 01450e13: the properties of openMetadataWorkflowConfig.
    private static readonly string[] WorkflowKeys =
    [
        "source", "processor", "stage", "bulkSink", "sink", "workflowConfig", "ingestionPipelineFQN", "pipelineRunId",
        "enableStreamableLogs",
    ];

    // [derived] OpenMetadata application.json @ 0a9a9263: the properties of OpenMetadataApplicationConfig.
    private static readonly string[] ApplicationKeys =
    [
        "workflowConfig", "sourcePythonClass", "appConfig", "appPrivateConfig", "ingestionPipelineFQN", "pipelineRunId",
        "enableStreamableLogs",
    ];

    public static void RequireWorkflowConfig(Dictionary<string, object?> config) =>
        Require(config, WorkflowModel, WorkflowKeys, "source", "workflowConfig");

    public static void RequireApplicationConfig(Dictionary<string, object?> config) =>
        Require(config, ApplicationModel, ApplicationKeys, "workflowConfig");

    /// <summary>The env run id, when set, is copied into the config and must be a UUID; returns the canonical form.</summary>
    public static string? RunId(string? pipelineRunId, string model)
    {
        if (pipelineRunId is null)
        {
            return null;
        }

        return Guid.TryParse(pipelineRunId, out var id)
            ? id.ToString()
            : throw PythonError.Validation(model, "pipelineRunId", $"Input should be a valid UUID [type=uuid_parsing, input_value='{pipelineRunId}', input_type=str]");
    }

    private static void Require(Dictionary<string, object?> config, string model, string[] allowed, params string[] required)
    {
        foreach (var key in required.Where(key => !config.ContainsKey(key)))
        {
            throw PythonError.Validation(model, key, "Field required [type=missing]");
        }

        foreach (var key in config.Keys.Where(key => !allowed.Contains(key, StringComparer.Ordinal)))
        {
            throw PythonError.Validation(model, key, "Extra inputs are not permitted [type=extra_forbidden]");
        }
    }
}
