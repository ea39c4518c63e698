using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Validation;
using Agent.Sandbox.Kubernetes.Json;

namespace Agent.Sandbox.Kubernetes.Validation;

/// <summary>
/// The pod spec rules the emulated ingestion pods can break (K8S pkg/apis/core/validation/validation.go ValidatePodSpec,
/// validateContainers): at least one container, each with a DNS-1123 label name, unique, and an image; a restartPolicy
/// among Always, OnFailure, Never.
/// </summary>
internal static class PodSpecValidator
{
    public static List<FieldError> Validate(JsonNode? spec, string path)
    {
        var errors = new List<FieldError>();
        var containers = spec?["containers"] as JsonArray ?? [];
        if (containers.Count == 0)
        {
            errors.Add(FieldError.Required($"{path}.containers"));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < containers.Count; index++)
        {
            var field = $"{path}.containers[{index}]";
            var name = KubeJson.StringAt(containers[index], "name") ?? "";
            if (name.Length == 0)
            {
                errors.Add(FieldError.Required($"{field}.name"));
            }
            else if (!names.Add(name))
            {
                errors.Add(new FieldError($"{field}.name", "FieldValueDuplicate", $"Duplicate value: \"{name}\""));
            }
            else if (KubernetesNames.Dns1123SubdomainErrors(name).Count > 0 || name.Length > 63 || name.Contains('.'))
            {
                errors.Add(FieldError.Invalid($"{field}.name", name,
                    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"));
            }

            if (string.IsNullOrWhiteSpace(KubeJson.StringAt(containers[index], "image")))
            {
                errors.Add(FieldError.Required($"{field}.image"));
            }
        }

        var policy = KubeJson.StringAt(spec, "restartPolicy") ?? "Always";
        if (policy is not ("Always" or "OnFailure" or "Never"))
        {
            errors.Add(FieldError.NotSupported($"{path}.restartPolicy", policy, "Always", "OnFailure", "Never"));
        }

        return errors;
    }
}
