using System.Globalization;
using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Json;

namespace Agent.Sandbox.Argo.Lifecycle;

/// <summary>
/// <c>status.nodes</c>: every node keyed by its ID with the fields Argo's NodeStatus carries (type, templateName, phase,
/// message, times, children), plus what Pod nodes get from their pod (hostNodeName, outputs.exitCode).
/// The agent's <c>GET /admin/jobs/{runId}/logs</c> reads <c>startedAt</c> (node created), <c>finishedAt</c> (node
/// completed), phase and message back as the run's transitions, through <c>GET /api/v1/workflows/{namespace}</c>
/// (swagger <c>io.argoproj.workflow.v1alpha1.NodeStatus</c>; Argo v4.1.2 <c>pkg/apis/workflow/v1alpha1/workflow_types.go</c>).
/// Real Argo writes an unfinished node's <c>finishedAt</c> as <c>null</c> (a zero metav1.Time); this leaves it out, which
/// readers treat alike.
/// </summary>
internal static class NodeStatusWriter
{
    public static JsonObject Nodes(WorkflowRun run)
    {
        var nodes = new JsonObject();
        foreach (var node in run.Nodes)
        {
            nodes[node.Id] = Write(run.Plan.WorkflowName, node);
        }

        return nodes;
    }

    private static JsonObject Write(string workflowName, RunNode node)
    {
        var json = new JsonObject
        {
            ["id"] = node.Id,
            ["name"] = node.Name,
            ["displayName"] = node.Name,
            ["type"] = node.Type,
            ["templateName"] = node.TemplateName,
            ["templateScope"] = $"local/{workflowName}",
            ["phase"] = node.Phase,
            ["startedAt"] = Rfc3339.Format(node.StartedAt),
        };
        Add(json, "finishedAt", node.FinishedAt is { } finished ? Rfc3339.Format(finished) : null);
        Add(json, "progress", node.Type == RunNode.PodType ? (node.Phase == NodePhase.Succeeded ? "1/1" : "0/1") : null);
        Add(json, "message", node.Message);
        Add(json, "hostNodeName", node.HostNodeName);
        if (node.Children.Count > 0)
        {
            json["children"] = new JsonArray([.. node.Children.Select(child => (JsonNode)child)]);
        }

        if (node.ExitCode is { } exitCode)
        {
            json["outputs"] = new JsonObject { ["exitCode"] = exitCode.ToString(CultureInfo.InvariantCulture) };
        }

        if (node.Flag is { } flag)
        {
            json["nodeFlag"] = new JsonObject { [flag] = true };
        }

        return json;
    }

    private static void Add(JsonObject json, string key, string? value)
    {
        if (value is not null)
        {
            json[key] = value;
        }
    }
}
