using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Errors;
using Agent.Sandbox.Argo.Json;
using Agent.Sandbox.Argo.Templating;

namespace Agent.Sandbox.Argo.Validation;

/// <summary>
/// Argo v4.1.2 <c>workflow/validate/validate.go</c> <c>Workflow</c>, which the Argo Server runs before it creates
/// anything (FIDELITY §3.0–§3.4), in Argo's order. Every failure is InvalidArgument (HTTP 400, code 3).
/// </summary>
internal static class WorkflowValidator
{
    public const int MaxNameLength = 63;

    private static readonly string[] PodGcStrategies = ["", "OnPodCompletion", "OnPodSuccess", "OnWorkflowCompletion", "OnWorkflowSuccess"];

    public static void Validate(JsonObject workflow)
    {
        var name = ResourceJson.Name(workflow);
        if (name.Length > MaxNameLength)
        {
            throw ArgoApiException.InvalidArgument(
                $"workflow name {GoStrings.Quote(name)} must not be more than {MaxNameLength} characters long (currently {name.Length})");
        }

        var spec = workflow["spec"] as JsonObject ?? [];
        if (spec["workflowTemplateRef"] is JsonObject)
        {
            // The sandbox holds no WorkflowTemplates to resolve the reference against.
            return;
        }

        var templates = (spec["templates"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        TemplateNames.Check(templates);
        CheckArguments(spec);
        var scope = WorkflowScope.From(workflow, spec);
        var entrypoint = ResourceJson.StringAt(spec, "entrypoint") ?? "";
        if (entrypoint.Length == 0)
        {
            throw ArgoApiException.InvalidArgument("spec.entrypoint is required");
        }

        var validated = new HashSet<string>(StringComparer.Ordinal);
        ValidateNamed(entrypoint, templates, spec, scope, validated);
        var onExit = ResourceJson.StringAt(spec, "onExit") ?? "";
        if (onExit.Length > 0)
        {
            scope.AddFailures();
            ValidateNamed(onExit, templates, spec, scope, validated);
        }

        var podGcStrategy = ResourceJson.StringAt(spec["podGC"], "strategy") ?? "";
        if (!PodGcStrategies.Contains(podGcStrategy))
        {
            throw ArgoApiException.InvalidArgument($"podGC.strategy unknown strategy '{podGcStrategy}'");
        }

        // The remaining templates are checked last, their errors prefixed with the template's name a second time.
        foreach (var template in templates.Where(t => !validated.Contains(ResourceJson.StringAt(t, "name")!)))
        {
            try
            {
                TemplateValidator.Validate(template, spec, scope);
            }
            catch (ArgoApiException exception)
            {
                throw ArgoApiException.InvalidArgument($"templates.{ResourceJson.StringAt(template, "name")} {exception.Message}");
            }
        }
    }

    /// <summary>validateTemplateHolder for <c>entrypoint</c>/<c>onExit</c>: the name must be a template, then it is checked.</summary>
    private static void ValidateNamed(
        string name, List<JsonObject> templates, JsonObject spec, WorkflowScope scope, HashSet<string> validated)
    {
        var template = templates.FirstOrDefault(t => ResourceJson.StringAt(t, "name") == name)
            ?? throw ArgoApiException.InvalidArgument($"template name '{name}' undefined");
        if (validated.Add(name))
        {
            TemplateValidator.Validate(template, spec, scope);
        }
    }

    /// <summary>validateArgumentsValues: a workflow argument needs a value or a valueFrom at submission.</summary>
    private static void CheckArguments(JsonObject spec)
    {
        foreach (var parameter in (spec["arguments"]?["parameters"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (parameter["value"] is null && parameter["valueFrom"] is null)
            {
                var name = ResourceJson.StringAt(parameter, "name");
                throw ArgoApiException.InvalidArgument(
                    $"spec.arguments.{name}.value or spec.arguments.{name}.valueFrom is required");
            }
        }
    }
}
