using System.Globalization;
using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Json;

namespace Agent.Sandbox.Argo.Lifecycle;

/// <summary>
/// What the emulated controller reads from a stored workflow once: its entry and exit templates, the entry's retry
/// strategy, the labels pods get from <c>spec.podMetadata</c>, and the globals for <c>{{workflow.*}}</c>. The sandbox
/// runs container templates only; when the entrypoint is not one it runs the first template that is.
/// </summary>
internal sealed record RunPlan(
    string WorkflowName,
    JsonObject? EntryTemplate,
    JsonObject? ExitTemplate,
    int? RetryLimit,
    string RetryPolicy,
    IReadOnlyDictionary<string, string> PodMetadataLabels,
    IReadOnlyDictionary<string, string> Globals,
    JsonObject Spec)
{
    public static RunPlan From(JsonObject workflow)
    {
        var spec = workflow["spec"] as JsonObject ?? [];
        var templates = (spec["templates"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var entrypoint = ResourceJson.StringAt(spec, "entrypoint") ?? "";
        var entry = templates.FirstOrDefault(t => ResourceJson.StringAt(t, "name") == entrypoint && t["container"] is JsonObject)
            ?? templates.FirstOrDefault(t => t["container"] is JsonObject);
        var onExit = ResourceJson.StringAt(spec, "onExit");
        var exit = string.IsNullOrEmpty(onExit) ? null : templates.FirstOrDefault(t => ResourceJson.StringAt(t, "name") == onExit);
        var retry = entry?["retryStrategy"] as JsonObject;
        return new RunPlan(
            ResourceJson.Name(workflow), entry, exit, retry is null ? null : ParseLimit(retry["limit"]),
            ResourceJson.StringAt(retry, "retryPolicy") is { Length: > 0 } policy ? policy : "OnFailure",
            StringMap(spec["podMetadata"]?["labels"]), GlobalsOf(workflow, spec, entrypoint), spec);
    }

    public static string TemplateName(JsonObject? template) => ResourceJson.StringAt(template, "name") ?? "";

    /// <summary>
    /// workflowpod.go setupServiceAccount (Argo v4.1.2, FIDELITY §3.3): with <c>automountServiceAccountToken: false</c>
    /// (template or spec) the executor needs its own service account (template or <c>spec.executor</c>), else the pod
    /// cannot be built.
    /// </summary>
    public string? PodBuildError(JsonObject template)
    {
        var automount = Bool(template["automountServiceAccountToken"]) ?? Bool(Spec["automountServiceAccountToken"]);
        var executorAccount = ResourceJson.StringAt(template["executor"], "serviceAccountName") is { Length: > 0 } own
            ? own
            : ResourceJson.StringAt(Spec["executor"], "serviceAccountName");
        return automount == false && string.IsNullOrEmpty(executorAccount)
            ? "executor.serviceAccountName must not be empty if automountServiceAccountToken is false"
            : null;
    }

    /// <summary>Whether a failed attempt in <paramref name="phase"/> may be retried (operator.go processNodeRetries).</summary>
    public bool Retries(string phase) => RetryPolicy switch
    {
        "Always" => true,
        "OnError" => phase == NodePhase.Error,
        // OnTransientError retries only errors Argo deems transient, which the sandbox never produces.
        "OnTransientError" => false,
        _ => phase == NodePhase.Failed,
    };

    private static Dictionary<string, string> GlobalsOf(JsonObject workflow, JsonObject spec, string entrypoint) => new(StringComparer.Ordinal)
    {
        ["workflow.name"] = ResourceJson.Name(workflow),
        ["workflow.namespace"] = ResourceJson.Namespace(workflow),
        ["workflow.uid"] = ResourceJson.StringAt(workflow["metadata"], "uid") ?? "",
        ["workflow.serviceAccountName"] = ResourceJson.StringAt(spec, "serviceAccountName") ?? "",
        ["workflow.mainEntrypoint"] = entrypoint,
        ["workflow.creationTimestamp"] = ResourceJson.CreationTimestamp(workflow),
    };

    private static int? ParseLimit(JsonNode? limit) => limit switch
    {
        JsonValue value when value.TryGetValue<int>(out var number) => number,
        JsonValue value when value.TryGetValue<string>(out var text)
            && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        // No limit means retry forever in Argo; the sandbox caps that at one retry rather than loop.
        _ => 1,
    };

    private static bool? Bool(JsonNode? node) => node is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : null;

    private static Dictionary<string, string> StringMap(JsonNode? node) =>
        (node as JsonObject ?? []).ToDictionary(pair => pair.Key, pair => pair.Value?.ToString() ?? "", StringComparer.Ordinal);
}
