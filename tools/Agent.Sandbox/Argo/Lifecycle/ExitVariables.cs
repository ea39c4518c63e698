using System.Text.Json;
using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Json;

namespace Agent.Sandbox.Argo.Lifecycle;

/// <summary>
/// <c>{{workflow.status}}</c> and <c>{{workflow.failures}}</c> as operator.go sets them before running the exit handler
/// (Argo v4.1.2, FIDELITY §1.2).
/// </summary>
internal static class ExitVariables
{
    /// <summary>The entry node's phase as a workflow phase: Succeeded, Failed or Error.</summary>
    public static string Status(RunNode? entryNode) => entryNode?.Phase switch
    {
        NodePhase.Failed => WorkflowPhase.Failed,
        NodePhase.Error => WorkflowPhase.Error,
        _ => WorkflowPhase.Succeeded,
    };

    /// <summary>A JSON array of every Failed or Error node, quoted once more as Go's strconv.Quote does ("null" when none).</summary>
    public static string Failures(WorkflowRun run)
    {
        var failed = run.Nodes.Where(node => NodePhase.FailedOrError(node.Phase)).Select(node => (JsonNode)new JsonObject
        {
            ["displayName"] = node.Name,
            ["message"] = node.Message ?? "",
            ["templateName"] = node.TemplateName,
            ["phase"] = node.Phase,
            ["podName"] = NodeNaming.PodName(run.Plan.WorkflowName, node.Name, node.TemplateName),
            ["finishedAt"] = node.FinishedAt is { } finished ? Rfc3339.Format(finished) : null,
        }).ToArray();
        var json = failed.Length == 0 ? "null" : new JsonArray(failed).ToJsonString();
        return JsonSerializer.Serialize(json);
    }
}
