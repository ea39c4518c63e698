using System.Text;
using System.Text.Json.Nodes;
using Agent.Sandbox.Kubernetes.Json;
using Agent.Sandbox.Kubernetes.State;

namespace Agent.Sandbox.Kubernetes.Controllers;

/// <summary>
/// The Secret side of the kubelet's makeEnvironmentVariables (K8S pkg/kubelet/kubelet_pods.go): <c>envFrom</c> Secrets
/// first (every key, decoded), then <c>valueFrom.secretKeyRef</c>. A Secret that does not exist, or a key it lacks,
/// fails the container's config unless the reference is <c>optional</c>. The texts are the kubelet's.
/// </summary>
internal sealed class SecretEnvironment(KubeStore store, string @namespace)
{
    public List<KeyValuePair<string, string>> FromEnvFrom(JsonObject container)
    {
        var preset = new List<KeyValuePair<string, string>>();
        foreach (var source in (container["envFrom"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (source["secretRef"] is not JsonObject reference)
            {
                continue;
            }

            var prefix = KubeJson.StringAt(source, "prefix") ?? "";
            if (Data(KubeJson.StringAt(reference, "name") ?? "", KubeJson.BoolAt(reference, "optional")) is { } data)
            {
                preset.AddRange(data.Select(pair => new KeyValuePair<string, string>(prefix + pair.Key, pair.Value)));
            }
        }

        return preset;
    }

    /// <summary>The value of a <c>secretKeyRef</c>, or null for any other source (left to the shared resolver).</summary>
    public string? Resolve(JsonObject source)
    {
        if (source["secretKeyRef"] is not JsonObject reference)
        {
            return null;
        }

        var name = KubeJson.StringAt(reference, "name") ?? "";
        var key = KubeJson.StringAt(reference, "key") ?? "";
        var optional = KubeJson.BoolAt(reference, "optional");
        var data = Data(name, optional);
        if (data is null)
        {
            return "";
        }

        if (data.TryGetValue(key, out var value))
        {
            return value;
        }

        return optional ? "" : throw new ContainerConfigException($"couldn't find key {key} in Secret {@namespace}/{name}");
    }

    private Dictionary<string, string>? Data(string name, bool optional)
    {
        var secret = store.Get(new ObjectKey(KubeKind.Secret, @namespace, name));
        if (secret is null)
        {
            return optional ? null : throw new ContainerConfigException($"secret \"{name}\" not found");
        }

        return (secret["data"] as JsonObject ?? []).ToDictionary(
            pair => pair.Key,
            pair => Encoding.UTF8.GetString(Convert.FromBase64String(pair.Value?.GetValue<string>() ?? "")),
            StringComparer.Ordinal);
    }
}
