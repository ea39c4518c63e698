using System.Text.Json.Nodes;

namespace Agent.Tests.Sandbox.Argo.Runtime;

/// <summary>Workflows shaped like the agent's: an ingestion template, optionally retried, and an exit handler.</summary>
internal static class RunWorkflows
{
    public const string AutomationConfig = """{"name":"test-connection","workflowType":"TEST_CONNECTION","request":{}}""";

    public static JsonObject WithExitHandler(string name, string mainConfig, string exitConfig, int? retries = null)
    {
        var workflow = Workflows.Ingestion(name, config: mainConfig);
        var spec = workflow["spec"]!.AsObject();
        spec["onExit"] = "exit-handler";
        if (retries is { } limit)
        {
            spec["templates"]![0]!["retryStrategy"] = new JsonObject { ["limit"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        }

        spec["templates"]!.AsArray().Add(new JsonObject
        {
            ["name"] = "exit-handler",
            ["container"] = new JsonObject
            {
                ["image"] = "openmetadata/ingestion-base:1.9",
                ["command"] = new JsonArray("python", "exit_handler.py"),
                ["env"] = new JsonArray(
                    Workflows.Env("config", exitConfig),
                    Workflows.Env("pipelineRunId", Workflows.RunId),
                    Workflows.Env("pipelineStatus", "{{workflow.status}}")),
            },
        });
        return workflow;
    }

    public static JsonObject Retried(string name, string config, int limit, string? policy = null)
    {
        var workflow = Workflows.Ingestion(name, config: config);
        var strategy = new JsonObject { ["limit"] = limit };
        if (policy is not null)
        {
            strategy["retryPolicy"] = policy;
        }

        workflow["spec"]!["templates"]![0]!["retryStrategy"] = strategy;
        return workflow;
    }

    public static JsonObject Node(JsonObject workflow, string id) => workflow["status"]!["nodes"]![id]!.AsObject();

    public static string Text(JsonNode? node) => node!.GetValue<string>();
}
