using System.Text.Json.Nodes;
using Agent.Sandbox.ControlPlane.Api;

namespace Agent.Tests.Sandbox.Argo;

/// <summary>Request bodies shaped like the agent's: one container template running the ingestion entrypoint.</summary>
internal static class Workflows
{
    /// <summary>A valid ingestion workflow config (main.py and exit_handler.py accept it), with the FQN the logs print.</summary>
    public const string ValidConfig = RequestPayloads.DefaultConfig + "\ningestionPipelineFQN: mysql.metadata\n";

    public const string RunId = "9f3c2a1e-5b7d-4c8e-a1f0-2d6b8e4c7a90";

    /// <summary>The valid config plus a line of sandbox markers (a YAML comment, so the config stays valid).</summary>
    public static string ConfigWith(string marker) => $"{ValidConfig}\n# {marker}\n";

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
                    ["command"] = new JsonArray("python", "main.py"),
                    ["env"] = new JsonArray(
                        Env("config", config ?? ValidConfig),
                        Env("ingestionPipelineFQN", "mysql.metadata"),
                        Env("pipelineType", "metadata"),
                        Env("pipelineRunId", RunId)),
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

    public static JsonObject Env(string name, string value) => new() { ["name"] = name, ["value"] = value };
}
