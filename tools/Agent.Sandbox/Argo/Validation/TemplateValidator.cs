using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Errors;
using Agent.Sandbox.Argo.Json;
using Agent.Sandbox.Argo.Templating;

namespace Agent.Sandbox.Argo.Validation;

/// <summary>
/// The per-template part of Argo v4.1.2 <c>workflow/validate/validate.go</c> (validateTemplateHolder, validateTemplate,
/// validateLeaf) the sandbox models: retry policy, exactly one template type, well-formed <c>{{</c>, every
/// workflow-variable tag of a leaf template resolvable (FIDELITY §3.1, §3.4), and a container/script image.
/// </summary>
/// <remarks>
/// Not modelled: steps/DAG bodies (their tags, steps.*/tasks.* scopes and the child templates they reach), input
/// parameters without a value, artifacts, volume mounts, metrics, resource manifests, deadlines and parallelism.
/// Argo scans only the fields it knows; the sandbox scans the whole template, unknown fields included.
/// </remarks>
internal static class TemplateValidator
{
    private static readonly string[] TemplateTypes =
        ["container", "containerSet", "steps", "script", "resource", "dag", "suspend", "data", "http", "plugin"];

    private static readonly string[] PodTypes = ["container", "containerSet", "script", "resource", "data"];

    private static readonly string[] LeafTypes = [.. PodTypes, "http", "plugin"];

    private static readonly string[] RetryPolicies = ["Always", "OnError", "OnFailure", "OnTransientError", ""];

    public static void Validate(JsonObject template, JsonObject spec, WorkflowScope scope)
    {
        var name = ResourceJson.StringAt(template, "name") ?? "";
        if (ResourceJson.StringAt(template["retryStrategy"], "retryPolicy") is { } policy && !RetryPolicies.Contains(policy))
        {
            throw ArgoApiException.InvalidArgument($"{policy} is not a valid RetryPolicy");
        }

        var types = TemplateTypes.Where(type => template[type] is not null).ToList();
        if (types.Count != 1)
        {
            var problem = types.Count == 0 ? "template type unspecified" : "multiple template types specified";
            throw ArgoApiException.InvalidArgument(
                $"templates.{name} {problem}. choose one of: container, containerSet, steps, script, resource, dag, suspend, template, template ref");
        }

        var json = ArgoTemplate.ToJson(template);
        try
        {
            // ProcessArgs substitutes the globals first; fasttemplate's parse error surfaces there.
            TagScanner.Visit(json, _ => { });
        }
        catch (ArgoTemplateException exception)
        {
            throw ArgoApiException.InvalidArgument($"templates.{name} {exception.Message}");
        }

        var type = types[0];
        if (LeafTypes.Contains(type))
        {
            CheckTags(name, json, scope, Locals(template, type));
            CheckImage(name, template, spec, type);
        }
    }

    /// <summary>resolveAllVariables: a tag with a workflow-variable prefix must be in scope; <c>{{=…}}</c> is never checked.</summary>
    private static void CheckTags(string name, string json, WorkflowScope scope, IReadOnlySet<string> locals) =>
        TagScanner.Visit(json, tag =>
        {
            var trimmed = tag.Trim();
            if (!WorkflowVariables.IsExpression(tag, out _) && WorkflowVariables.HasValidPrefix(trimmed) && !scope.Resolves(trimmed, locals))
            {
                throw ArgoApiException.InvalidArgument($"templates.{name}: failed to resolve {{{{{tag}}}}}");
            }
        });

    /// <summary>validateInputs plus the pod-only names: the variables a template has of its own.</summary>
    private static HashSet<string> Locals(JsonObject template, string type)
    {
        var locals = new HashSet<string>(StringComparer.Ordinal);
        var parameters = (template["inputs"]?["parameters"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        foreach (var parameter in parameters)
        {
            locals.Add("inputs.parameters." + ResourceJson.StringAt(parameter, "name"));
        }

        if (parameters.Count > 0)
        {
            locals.Add("inputs.parameters");
        }

        foreach (var artifact in (template["inputs"]?["artifacts"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var artifactName = ResourceJson.StringAt(artifact, "name");
            locals.UnionWith([$"inputs.artifacts.{artifactName}", $"inputs.artifacts.{artifactName}.path"]);
        }

        if (PodTypes.Contains(type))
        {
            locals.Add("pod.name");
        }

        return locals;
    }

    private static void CheckImage(string name, JsonObject template, JsonObject spec, string type)
    {
        if (type is "container" or "script"
            && string.IsNullOrEmpty(ResourceJson.StringAt(template[type], "image"))
            && string.IsNullOrEmpty(ResourceJson.StringAt(spec["templateDefaults"]?[type], "image")))
        {
            throw ArgoApiException.InvalidArgument($"templates.{name}.{type}.image may not be empty");
        }
    }
}
