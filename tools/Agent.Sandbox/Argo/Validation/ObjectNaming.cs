using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Errors;
using Agent.Sandbox.Argo.Json;
using Agent.Sandbox.Argo.Templating;

namespace Agent.Sandbox.Argo.Validation;

/// <summary>
/// What the kube-apiserver does with a create after Argo has validated it: the namespace must match the request,
/// a <c>generateName</c> becomes a name, and the object metadata is validated (<c>ValidateObjectMetaAccessor</c>:
/// name, then labels). A 422 Invalid comes back from Argo as InvalidArgument (400) carrying the apiserver's text,
/// every problem in one message (FIDELITY §3.0, §3.2).
/// </summary>
internal static class ObjectNaming
{
    // apimachinery's utilrand alphabet: no vowels or look-alikes, so generated names never spell words.
    private const string SuffixAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    // names.SimpleNameGenerator: the base is cut so base + 5 random characters fit in 63.
    private const int MaxGenerateNameBase = 58;

    /// <summary>Argo's own defaulting: an object without a namespace gets the request's.</summary>
    public static void DefaultNamespace(JsonObject resource, string @namespace)
    {
        var metadata = ResourceJson.Metadata(resource);
        if (string.IsNullOrEmpty(ResourceJson.StringAt(metadata, "namespace")))
        {
            metadata["namespace"] = @namespace;
        }
    }

    /// <summary>The apiserver's create admission: namespace, generated name, then metadata validation.</summary>
    public static void AdmitCreate(JsonObject resource, string kind, string @namespace)
    {
        var metadata = ResourceJson.Metadata(resource);
        var given = ResourceJson.StringAt(metadata, "namespace");
        if (!string.IsNullOrEmpty(given) && given != @namespace)
        {
            throw ArgoApiException.InvalidArgument(
                "the namespace of the provided object does not match the namespace sent on the request");
        }

        metadata["namespace"] = @namespace;
        var name = ResourceJson.StringAt(metadata, "name");
        var generateName = ResourceJson.StringAt(metadata, "generateName");
        if (string.IsNullOrEmpty(name) && !string.IsNullOrEmpty(generateName))
        {
            name = generateName[..Math.Min(generateName.Length, MaxGenerateNameBase)] + RandomSuffix();
            metadata["name"] = name;
        }

        ValidateMetadata(resource, kind);
    }

    /// <summary>ValidateObjectMetaAccessor's name and label checks, which a create and an update both go through.</summary>
    public static void ValidateMetadata(JsonObject resource, string kind)
    {
        var name = ResourceJson.Name(resource);
        var errors = MetadataErrors(ResourceJson.Metadata(resource), name);
        if (errors.Count > 0)
        {
            // utilerrors aggregate: one error alone, several (deduplicated) in brackets.
            var distinct = errors.Distinct().ToList();
            var detail = distinct.Count == 1 ? distinct[0] : "[" + string.Join(", ", distinct) + "]";
            throw ArgoApiException.InvalidArgument($"{kind}.argoproj.io {GoStrings.Quote(name)} is invalid: {detail}");
        }
    }

    private static List<string> MetadataErrors(JsonObject metadata, string name)
    {
        var errors = new List<string>();
        if (name.Length == 0)
        {
            errors.Add("metadata.name: Required value: name or generateName is required");
        }
        else
        {
            errors.AddRange(KubernetesNames.Dns1123SubdomainErrors(name).Select(message => Invalid("metadata.name", name, message)));
        }

        // ValidateLabels reports a key and a bad value both against "metadata.labels".
        foreach (var (key, node) in metadata["labels"] as JsonObject ?? [])
        {
            errors.AddRange(KubernetesNames.QualifiedNameErrors(key).Select(message => Invalid("metadata.labels", key, message)));
            var value = node is JsonValue json && json.TryGetValue<string>(out var text) ? text : node?.ToJsonString() ?? "";
            errors.AddRange(KubernetesNames.LabelValueErrors(value).Select(message => Invalid("metadata.labels", value, message)));
        }

        return errors;
    }

    private static string Invalid(string field, string value, string message) =>
        $"{field}: Invalid value: {GoStrings.Quote(value)}: {message}";

    private static string RandomSuffix() =>
        string.Create(5, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = SuffixAlphabet[Random.Shared.Next(SuffixAlphabet.Length)];
            }
        });
}
