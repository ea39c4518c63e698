using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Json;

namespace Agent.Sandbox.Argo.Lifecycle;

/// <summary>
/// The container the sandbox "runs" for a workflow: the entrypoint template's container, or else the first
/// template that has one. Its env drives the outcome and the simulated log lines.
/// </summary>
internal sealed record MainContainer(string TemplateName, string PodName, IReadOnlyDictionary<string, string> Env)
{
    public string EnvOrEmpty(string name) => Env.TryGetValue(name, out var value) ? value : "";

    public static MainContainer From(JsonObject workflow)
    {
        var name = ResourceJson.Name(workflow);
        var spec = workflow["spec"] as JsonObject;
        var entrypoint = ResourceJson.StringAt(spec, "entrypoint") ?? "";
        var templates = (spec?["templates"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var template = templates.FirstOrDefault(t => ResourceJson.StringAt(t, "name") == entrypoint && t["container"] is JsonObject)
            ?? templates.FirstOrDefault(t => t["container"] is JsonObject);
        var templateName = template is null ? entrypoint : ResourceJson.StringAt(template, "name") ?? "";
        return new MainContainer(templateName, BuildPodName(name, entrypoint, templateName), ReadEnv(template?["container"]));
    }

    /// <summary>
    /// Argo's v2 pod names: the root node's pod is named after the workflow, any other is
    /// <c>&lt;workflow&gt;-&lt;template&gt;-&lt;fnv32a hash&gt;</c>.
    /// </summary>
    private static string BuildPodName(string workflowName, string entrypoint, string templateName)
    {
        if (templateName == entrypoint)
        {
            return workflowName;
        }

        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes($"{workflowName}.{templateName}"))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return $"{workflowName}-{templateName}-{hash.ToString(CultureInfo.InvariantCulture)}";
    }

    private static Dictionary<string, string> ReadEnv(JsonNode? container)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in (container?["env"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (ResourceJson.StringAt(variable, "name") is { } key && ResourceJson.StringAt(variable, "value") is { } value)
            {
                env[key] = value;
            }
        }

        return env;
    }
}
