using System.Text.Json.Nodes;

namespace Agent.Gateway.Configs;

/// <summary>
/// MINIMAL STAND-IN (Airflow slice, so its branch builds): the Configs slice owns the real renderer; drop this file for
/// theirs. Renders a workflow config as the text the agent passes to the container, with <c>pipelineRunId</c> set for a run.
/// JSON is valid YAML 1.2, so this stand-in writes JSON.
/// </summary>
internal static class RunConfigText
{
    public static string Render(JsonObject config, string? runId)
    {
        var copy = (JsonObject)config.DeepClone();
        if (runId is not null)
        {
            copy["pipelineRunId"] = runId;
        }

        return copy.ToJsonString();
    }
}
