using System.Text.Json.Nodes;

namespace Agent.IntegrationTests.Argo;

/// <summary>
/// Rules of the Argo v4.1.2 API that its Swagger file states only in descriptions (so no schema validator sees them):
/// enum values of <c>podGC.strategy</c>, <c>retryStrategy.retryPolicy</c> and <c>shutdown</c>, template names (Argo's
/// validation refuses a nameless template), and an entrypoint that names a template.
/// </summary>
internal static class ArgoRequestRules
{
    private static readonly string[] PodGcStrategies = ["OnPodCompletion", "OnPodSuccess", "OnWorkflowCompletion", "OnWorkflowSuccess"];
    private static readonly string[] RetryPolicies = ["Always", "OnFailure", "OnError", "OnTransientError"];
    private static readonly string[] ShutdownStrategies = ["Stop", "Terminate"];

    public static List<string> CheckWorkflow(JsonNode workflow)
    {
        var errors = new List<string>();
        var spec = workflow["spec"];
        Enum(spec?["podGC"]?["strategy"], PodGcStrategies, "spec.podGC.strategy", errors);
        Enum(spec?["shutdown"], ShutdownStrategies, "spec.shutdown", errors);
        var templates = spec?["templates"]?.AsArray() ?? [];
        var names = templates.Select(t => (string?)t?["name"]).ToList();
        if (names.Exists(string.IsNullOrEmpty))
        {
            errors.Add("spec.templates: every template needs a name");
        }

        if ((string?)spec?["entrypoint"] is { } entrypoint && !names.Contains(entrypoint))
        {
            errors.Add($"spec.entrypoint: no template named '{entrypoint}'");
        }

        if ((string?)spec?["onExit"] is { } onExit && !names.Contains(onExit))
        {
            errors.Add($"spec.onExit: no template named '{onExit}'");
        }

        foreach (var template in templates)
        {
            Enum(template?["retryStrategy"]?["retryPolicy"], RetryPolicies, $"template {template?["name"]}.retryStrategy.retryPolicy", errors);
        }

        return errors;
    }

    private static void Enum(JsonNode? value, string[] allowed, string path, List<string> errors)
    {
        if (value is not null && !allowed.Contains((string?)value))
        {
            errors.Add($"{path}: '{value}' is not one of {string.Join(", ", allowed)}");
        }
    }
}
