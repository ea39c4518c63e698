using System.Text.Json.Nodes;
using Agent.IntegrationTests.Infrastructure;

namespace Agent.IntegrationTests.Lifecycle;

/// <summary>Reads what the emulator stores, by the labels and annotations the agent sets.</summary>
internal static class ArgoObjects
{
    public const string FqnAnnotation = "hybrid-agent/pipeline-fqn";

    public static List<JsonObject> CronWorkflowsOf(AgentRig rig, string fqn) =>
        [.. rig.Emulator.ListCronWorkflows(AgentRig.Namespace).Where(cron => (string?)cron["metadata"]?["annotations"]?[FqnAnnotation] == fqn)];

    public static List<JsonObject> WorkflowsOf(AgentRig rig, string fqn) =>
        [.. rig.Emulator.ListWorkflows(AgentRig.Namespace).Where(workflow => (string?)workflow["metadata"]?["annotations"]?[FqnAnnotation] == fqn)];

    public static string Name(JsonNode resource) => (string)resource["metadata"]!["name"]!;

    public static IEnumerable<JsonObject> Containers(JsonNode workflowSpec) =>
        workflowSpec["templates"]!.AsArray().Select(template => template!["container"]!.AsObject());

    public static Dictionary<string, string> Env(JsonNode container) =>
        container["env"]!.AsArray().ToDictionary(e => (string)e!["name"]!, e => (string?)e!["value"] ?? "");

    public static Dictionary<string, string> Strings(JsonNode? map) =>
        map!.AsObject().ToDictionary(pair => pair.Key, pair => (string)pair.Value!);
}
