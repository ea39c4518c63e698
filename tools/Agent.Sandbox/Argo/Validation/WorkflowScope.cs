using System.Text.Json.Nodes;

namespace Agent.Sandbox.Argo.Validation;

/// <summary>
/// The workflow-wide variables Argo v4.1.2 <c>workflow/validate/validate.go</c> (newTemplateValidationCtx and
/// Workflow) puts into scope before it checks any template (FIDELITY §3.4).
/// </summary>
internal sealed class WorkflowScope
{
    // resolveAllVariables accepts these without resolving them: they only exist once the workflow runs.
    private static readonly string[] RuntimeOnlyPrefixes =
        ["outputs.", "workflow.creationTimestamp", "workflow.scheduledTime", "workflow.duration", "tasks.name", "steps.name", "node.name"];

    private readonly HashSet<string> _globals = new(StringComparer.Ordinal)
    {
        "workflow.name", "workflow.namespace", "workflow.mainEntrypoint", "workflow.serviceAccountName", "workflow.uid",
        "workflow.status", "workflow.annotations", "workflow.annotations.json", "workflow.labels", "workflow.labels.json",
    };

    private WorkflowScope()
    {
    }

    public static WorkflowScope From(JsonObject workflow, JsonObject spec)
    {
        var scope = new WorkflowScope();
        var parameters = (spec["arguments"]?["parameters"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        if (parameters.Count > 0)
        {
            scope._globals.UnionWith(["workflow.parameters", "workflow.parameters.json"]);
        }

        scope.AddEach("workflow.parameters.", parameters.Select(p => Json.ResourceJson.StringAt(p, "name") ?? "").Where(n => n.Length > 0));
        var workflowMetadata = spec["workflowMetadata"];
        scope.AddEach("workflow.annotations.", Keys(workflow["metadata"]?["annotations"]).Concat(Keys(workflowMetadata?["annotations"])));
        scope.AddEach("workflow.labels.", Keys(workflow["metadata"]?["labels"])
            .Concat(Keys(workflowMetadata?["labels"])).Concat(Keys(workflowMetadata?["labelsFrom"])));
        if (spec["priority"] is not null)
        {
            scope._globals.Add("workflow.priority");
        }

        return scope;
    }

    /// <summary>Argo adds <c>workflow.failures</c> only once the entrypoint is checked, and only with an onExit handler.</summary>
    public void AddFailures() => _globals.Add("workflow.failures");

    /// <summary>Whether a trimmed tag with a workflow-variable prefix resolves for a template with these local names.</summary>
    public bool Resolves(string trimmedTag, IReadOnlySet<string> locals) =>
        _globals.Contains(trimmedTag) || locals.Contains(trimmedTag)
        || RuntimeOnlyPrefixes.Any(prefix => trimmedTag.StartsWith(prefix, StringComparison.Ordinal));

    private void AddEach(string prefix, IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            _globals.Add(prefix + name);
        }
    }

    private static IEnumerable<string> Keys(JsonNode? map) =>
        map is JsonObject obj ? obj.Select(pair => pair.Key) : [];
}
