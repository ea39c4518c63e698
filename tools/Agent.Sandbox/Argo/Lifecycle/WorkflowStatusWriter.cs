using System.Globalization;
using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Json;

namespace Agent.Sandbox.Argo.Lifecycle;

/// <summary>Writes the emulated controller's state into the Workflow: <c>status</c> and the phase and completed labels.</summary>
internal static class WorkflowStatusWriter
{
    public const string CompletedLabel = "workflows.argoproj.io/completed";
    public const string PhaseLabel = "workflows.argoproj.io/phase";

    public static void Write(JsonObject workflow, WorkflowRun run)
    {
        var status = ResourceJson.Child(workflow, "status");
        var completed = WorkflowPhase.IsCompleted(run.Phase);
        SetOrRemove(status, "phase", run.Phase.Length > 0 ? run.Phase : null);
        SetOrRemove(status, "startedAt", run.StartedAt is { } started ? Rfc3339.Format(started) : null);
        SetOrRemove(status, "finishedAt", completed && run.FinishedAt is { } finished ? Rfc3339.Format(finished) : null);
        SetOrRemove(status, "message", run.Message);
        ResourceJson.SetLabel(workflow, CompletedLabel, completed ? "true" : "false");
        if (run.Phase.Length == 0)
        {
            status.Remove("progress");
            status.Remove("nodes");
            return;
        }

        ResourceJson.SetLabel(workflow, PhaseLabel, run.Phase);
        status["progress"] = Progress(run);
        status["nodes"] = NodeStatusWriter.Nodes(run);
    }

    /// <summary>Argo's progress: succeeded Pod nodes over all Pod nodes (at least one, before any pod exists).</summary>
    private static string Progress(WorkflowRun run)
    {
        var pods = run.Nodes.Where(node => node.Type == RunNode.PodType).ToList();
        var succeeded = pods.Count(node => node.Phase == NodePhase.Succeeded);
        return string.Create(CultureInfo.InvariantCulture, $"{succeeded}/{Math.Max(1, pods.Count)}");
    }

    private static void SetOrRemove(JsonObject target, string key, string? value)
    {
        if (value is null)
        {
            target.Remove(key);
        }
        else
        {
            target[key] = value;
        }
    }
}
