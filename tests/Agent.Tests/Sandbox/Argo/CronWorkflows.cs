using System.Text.Json.Nodes;

namespace Agent.Tests.Sandbox.Argo;

/// <summary>Cron workflow request bodies for the tests.</summary>
internal static class CronWorkflows
{
    public static JsonObject Nightly(string name) => new()
    {
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = new JsonObject
        {
            ["schedules"] = new JsonArray("0 2 * * *"),
            ["workflowMetadata"] = new JsonObject { ["labels"] = Workflows.Labels(("pipeline", "nightly")) },
            ["workflowSpec"] = Workflows.Ingestion("ignored")["spec"]!.DeepClone(),
        },
    };

    public static JsonObject CreateBody(JsonObject cronWorkflow) => new() { ["cronWorkflow"] = cronWorkflow };
}
