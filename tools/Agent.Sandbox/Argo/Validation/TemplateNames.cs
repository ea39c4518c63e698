using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Agent.Sandbox.Argo.Errors;
using Agent.Sandbox.Argo.Json;

namespace Agent.Sandbox.Argo.Validation;

/// <summary>Argo v4.1.2 <c>workflow/validate/validate.go</c> validateWorkflowFieldNames over <c>spec.templates</c>.</summary>
internal static partial class TemplateNames
{
    private const int MaxLength = 128;

    public static void Check(IReadOnlyList<JsonObject> templates)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < templates.Count; i++)
        {
            var name = ResourceJson.StringAt(templates[i], "name") ?? "";
            if (name.Length == 0)
            {
                throw ArgoApiException.InvalidArgument($"spec.templates[{i}].name is required");
            }

            var errors = new List<string>();
            if (name.Length > MaxLength)
            {
                errors.Add($"must be no more than {MaxLength} characters");
            }

            if (!FieldName().IsMatch(name))
            {
                errors.Add("name must consist of alpha-numeric characters or '-', and must start with an alpha-numeric character (e.g. My-name1-2, 123-NAME)");
            }

            if (errors.Count > 0)
            {
                throw ArgoApiException.InvalidArgument($"spec.templates[{i}].name: '{name}' is invalid: {string.Join(';', errors)}");
            }

            if (!seen.Add(name))
            {
                throw ArgoApiException.InvalidArgument($"spec.templates[{i}].name '{name}' is not unique");
            }
        }
    }

    [GeneratedRegex("^[a-zA-Z0-9][-a-zA-Z0-9]*$")]
    private static partial Regex FieldName();
}
