using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Errors;
using Agent.Sandbox.Argo.Json;

namespace Agent.Sandbox.Argo.Validation;

/// <summary>What the kube-apiserver does with <c>metadata.name</c>/<c>generateName</c> on create.</summary>
internal static class ObjectNaming
{
    // apimachinery's utilrand alphabet: no vowels or look-alikes, so generated names never spell words.
    private const string SuffixAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    public static void RequireNameOrGenerateName(JsonObject resource, string kind)
    {
        var metadata = ResourceJson.Metadata(resource);
        if (string.IsNullOrEmpty(ResourceJson.StringAt(metadata, "name")) && string.IsNullOrEmpty(ResourceJson.StringAt(metadata, "generateName")))
        {
            throw ArgoApiException.InvalidArgument(
                $"{kind}.argoproj.io \"\" is invalid: metadata.name: Required value: name or generateName is required");
        }
    }

    /// <summary>Fills in a generated name when only <c>generateName</c> is given, then checks it is a DNS-1123 subdomain.</summary>
    public static void AssignName(JsonObject resource, string kind)
    {
        var metadata = ResourceJson.Metadata(resource);
        var name = ResourceJson.StringAt(metadata, "name");
        if (string.IsNullOrEmpty(name))
        {
            name = ResourceJson.StringAt(metadata, "generateName") + RandomSuffix();
            metadata["name"] = name;
        }

        if (!KubernetesNames.IsDns1123Subdomain(name))
        {
            throw ArgoApiException.InvalidArgument(
                $"{kind}.argoproj.io \"{name}\" is invalid: metadata.name: Invalid value: \"{name}\": {KubernetesNames.Dns1123SubdomainMessage}");
        }
    }

    /// <summary>The namespace comes from the path; a different one in the body is rejected like the apiserver does.</summary>
    public static void AssignNamespace(JsonObject resource, string @namespace)
    {
        var metadata = ResourceJson.Metadata(resource);
        var given = ResourceJson.StringAt(metadata, "namespace");
        if (!string.IsNullOrEmpty(given) && given != @namespace)
        {
            throw ArgoApiException.InvalidArgument(
                "the namespace of the provided object does not match the namespace sent on the request");
        }

        metadata["namespace"] = @namespace;
    }

    private static string RandomSuffix() =>
        string.Create(5, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = SuffixAlphabet[Random.Shared.Next(SuffixAlphabet.Length)];
            }
        });
}
