using System.Text.Json;
using System.Text.Json.Nodes;

namespace Agent.Sandbox.Argo.Templating;

/// <summary>
/// Argo's <c>{{…}}</c> substitution over a whole template (FIDELITY §5.4; Argo v4.1.2 util/template/simple_template.go).
/// Minimal stand-in: it replaces exact <c>{{name}}</c> tags only; the full version lives with the submit-time checks.
/// </summary>
internal static class ArgoTemplate
{
    /// <summary>A copy of <paramref name="template"/> with every known tag replaced, escaped as a JSON string body.</summary>
    public static JsonObject Substitute(JsonObject template, IReadOnlyDictionary<string, string> variables)
    {
        var json = template.ToJsonString();
        foreach (var (name, value) in variables)
        {
            // Argo quotes the replacement (strconv.Quote minus the outer quotes) because it substitutes inside JSON text.
            var escaped = JsonSerializer.Serialize(value)[1..^1];
            json = json.Replace("{{" + name + "}}", escaped, StringComparison.Ordinal);
        }

        return JsonNode.Parse(json)!.AsObject();
    }
}
