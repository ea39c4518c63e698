using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Errors;
using Agent.Sandbox.Argo.Json;

namespace Agent.Sandbox.Argo.Validation;

/// <summary>
/// The part of Argo's <c>workflow/validate</c> the sandbox enforces: an entrypoint naming one of the templates,
/// unless the spec delegates to a <c>workflowTemplateRef</c>. Failures are InvalidArgument (400, code 3).
/// </summary>
internal static class WorkflowSpecValidator
{
    public static void Validate(JsonNode? spec)
    {
        if (spec is JsonObject specObject && specObject["workflowTemplateRef"] is JsonObject)
        {
            return;
        }

        var entrypoint = ResourceJson.StringAt(spec, "entrypoint");
        if (string.IsNullOrEmpty(entrypoint))
        {
            throw ArgoApiException.InvalidArgument("spec.entrypoint is required");
        }

        var templates = (spec?["templates"] as JsonArray ?? []).OfType<JsonObject>();
        if (!templates.Any(t => ResourceJson.StringAt(t, "name") == entrypoint))
        {
            throw ArgoApiException.InvalidArgument(
                $"spec.entrypoint: template \"{entrypoint}\" not found in spec.templates");
        }
    }
}
