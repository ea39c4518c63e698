using k8s.Models;

namespace Agent.Core.Executors.Kubernetes;

/// <summary>Reads labels and annotations, which the client models as possibly-null mutable dictionaries.</summary>
internal static class ObjectMetadata
{
    public static string? Label(this V1ObjectMeta metadata, string key) => Get(metadata.Labels, key);

    public static string? Annotation(this V1ObjectMeta metadata, string key) => Get(metadata.Annotations, key);

    private static string? Get(IDictionary<string, string>? values, string key) =>
        values is not null && values.TryGetValue(key, out var value) ? value : null;
}
