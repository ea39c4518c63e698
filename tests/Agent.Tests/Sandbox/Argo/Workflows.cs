using System.Text.Json.Nodes;

namespace Agent.Tests.Sandbox.Argo;

/// <summary>Request bodies shaped like the agent's: one container template running the ingestion entrypoint.</summary>
internal static class Workflows
{
    public static JsonObject Ingestion(string name, string? config = null, JsonObject? labels = null) => new()
    {
        ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = labels ?? [] },
        ["spec"] = new JsonObject
        {
            ["entrypoint"] = "main",
            ["templates"] = new JsonArray(new JsonObject
            {
                ["name"] = "main",
                ["container"] = new JsonObject
                {
                    ["image"] = "openmetadata/ingestion-base:1.9",
                    ["env"] = new JsonArray(
                        Env("config", config ?? "source:\n  type: mysql\n"),
                        Env("ingestionPipelineFQN", "mysql.metadata"),
                        Env("pipelineType", "metadata"),
                        Env("pipelineRunId", "run-42")),
                },
            }),
        },
    };

    public static JsonObject Labels(params (string Key, string Value)[] labels)
    {
        var map = new JsonObject();
        foreach (var (key, value) in labels)
        {
            map[key] = value;
        }

        return map;
    }

    private static JsonObject Env(string name, string value) => new() { ["name"] = name, ["value"] = value };
}
