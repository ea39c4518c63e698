using System.Text;
using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Validation;
using Agent.Sandbox.Kubernetes.Json;

namespace Agent.Sandbox.Kubernetes.Validation;

/// <summary>
/// ObjectMeta rules every kind gets at create (K8S staging/src/k8s.io/apimachinery/pkg/api/validation/objectmeta.go
/// ValidateObjectMeta; labels in pkg/apis/meta/v1/validation/validation.go ValidateLabels): a DNS-1123 subdomain name,
/// qualified label keys, label values, qualified annotation keys, and at most 256 KiB of annotations (keys + values).
/// </summary>
internal static class MetadataValidator
{
    public const int TotalAnnotationSizeLimit = 256 * 1024;

    public static List<FieldError> Validate(JsonObject resource)
    {
        var errors = new List<FieldError>();
        var metadata = resource["metadata"] as JsonObject;
        var name = KubeJson.StringAt(metadata, "name") ?? "";
        if (name.Length == 0)
        {
            errors.Add(FieldError.Required("metadata.name", "name or generateName is required"));
        }
        else
        {
            errors.AddRange(KubernetesNames.Dns1123SubdomainErrors(name).Select(m => FieldError.Invalid("metadata.name", name, m)));
        }

        errors.AddRange(Labels(metadata?["labels"], "metadata.labels"));
        errors.AddRange(Annotations(metadata?["annotations"], "metadata.annotations"));
        return errors;
    }

    public static IEnumerable<FieldError> Labels(JsonNode? labels, string field)
    {
        foreach (var (key, value) in labels as JsonObject ?? [])
        {
            foreach (var message in KubernetesNames.QualifiedNameErrors(key))
            {
                yield return FieldError.Invalid(field, key, message);
            }

            var text = value?.GetValue<string>() ?? "";
            foreach (var message in KubernetesNames.LabelValueErrors(text))
            {
                yield return FieldError.Invalid(field, text, message);
            }
        }
    }

    public static IEnumerable<FieldError> Annotations(JsonNode? annotations, string field)
    {
        long total = 0;
        foreach (var (key, value) in annotations as JsonObject ?? [])
        {
            foreach (var message in KubernetesNames.QualifiedNameErrors(key.ToLowerInvariant()))
            {
                yield return FieldError.Invalid(field, key, message);
            }

            total += Encoding.UTF8.GetByteCount(key) + Encoding.UTF8.GetByteCount(value?.GetValue<string>() ?? "");
        }

        if (total > TotalAnnotationSizeLimit)
        {
            yield return FieldError.TooLong(field, TotalAnnotationSizeLimit);
        }
    }
}
