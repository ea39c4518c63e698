using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Json;
using Agent.Sandbox.Argo.State;

namespace Agent.Sandbox.Argo.Lifecycle;

/// <summary>Writes what the workflow controller's <c>markWorkflowPhase</c> writes when a workflow changes phase.</summary>
internal static class WorkflowStatusWriter
{
    public const string CompletedLabel = "workflows.argoproj.io/completed";
    public const string PhaseLabel = "workflows.argoproj.io/phase";

    public static void Apply(JsonObject workflow, WorkflowEntry entry, string phase, string? message, DateTimeOffset now)
    {
        var status = ResourceJson.Child(workflow, "status");
        var completed = WorkflowPhase.IsCompleted(phase);
        var stamp = Rfc3339.Format(now);
        SetOrRemove(status, "phase", phase.Length > 0 ? phase : null);
        if (phase != WorkflowPhase.Unknown)
        {
            status["startedAt"] ??= stamp;
            status["progress"] = phase == WorkflowPhase.Succeeded ? "1/1" : "0/1";
        }

        SetOrRemove(status, "finishedAt", completed ? stamp : null);
        var failed = completed && phase != WorkflowPhase.Succeeded;
        SetOrRemove(status, "message", message ?? (failed ? WorkflowOutcome.FailureMessage(phase) : null));
        ResourceJson.SetLabel(workflow, CompletedLabel, completed ? "true" : "false");
        if (phase.Length > 0)
        {
            ResourceJson.SetLabel(workflow, PhaseLabel, phase);
            WriteNode(workflow, status, entry.MainContainer);
        }

        UpdatePod(entry, phase, ResourceJson.StringAt(status, "message"));
    }

    /// <summary>One Pod node for the main container, so clients reading <c>status.nodes</c> find the usual shape.</summary>
    private static void WriteNode(JsonObject workflow, JsonObject status, MainContainer container)
    {
        var name = ResourceJson.Name(workflow);
        var nodes = ResourceJson.Child(status, "nodes");
        nodes[name] = new JsonObject
        {
            ["id"] = name,
            ["name"] = name,
            ["displayName"] = name,
            ["type"] = "Pod",
            ["templateName"] = container.TemplateName,
            ["phase"] = status["phase"]?.DeepClone(),
            ["startedAt"] = status["startedAt"]?.DeepClone(),
            ["finishedAt"] = status["finishedAt"]?.DeepClone(),
            ["progress"] = status["progress"]?.DeepClone(),
            ["message"] = status["message"]?.DeepClone(),
        };
    }

    private static void UpdatePod(WorkflowEntry entry, string phase, string? message)
    {
        var pod = entry.Logs.State;
        if (phase == WorkflowPhase.Running && pod == PodState.NotCreated)
        {
            entry.Logs.Append(PodState.Running, PodLogScript.Started(entry.MainContainer));
        }
        else if (WorkflowPhase.IsCompleted(phase) && pod != PodState.Completed)
        {
            // A workflow stopped before Running never had a pod, so it has nothing to say.
            entry.Logs.Append(PodState.Completed, pod == PodState.Running ? PodLogScript.Finished(phase, message) : []);
        }
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
