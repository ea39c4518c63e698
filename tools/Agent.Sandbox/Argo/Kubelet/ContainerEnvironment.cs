using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Json;

namespace Agent.Sandbox.Argo.Kubelet;

/// <summary>
/// The environment the kubelet hands a container, in the order of its <c>env</c> list (FIDELITY §5.2; Kubernetes
/// pkg/kubelet/kubelet_pods.go makeEnvironmentVariables). A <c>value</c> is expanded against the entries declared before
/// it; a <c>valueFrom</c> is taken literally. A <c>fieldRef</c> reads the pod's own fields (e.g.
/// <c>metadata.uid</c>); the sandbox has no ConfigMaps or Secrets, so any other source resolves to its reference text
/// (<c>configMapKeyRef:&lt;name&gt;/&lt;key&gt;</c>) unless a <c>references</c> resolver is given (the
/// Kubernetes emulator resolves Secrets). Neither is ever expanded. <c>preset</c> holds what <c>envFrom</c>
/// produced: the kubelet adds those first, and a <c>$(VAR)</c> in a later <c>value</c> can refer to them.
/// </summary>
internal static class ContainerEnvironment
{
    public static List<KeyValuePair<string, string>> Build(
        JsonObject? container,
        IReadOnlyDictionary<string, string> podFields,
        IEnumerable<KeyValuePair<string, string>>? preset = null,
        Func<JsonObject, string?>? references = null)
    {
        var resolved = new List<KeyValuePair<string, string>>(preset ?? []);
        var defined = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in resolved)
        {
            defined[key] = value;
        }

        foreach (var variable in (container?["env"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (ResourceJson.StringAt(variable, "name") is not { Length: > 0 } name)
            {
                continue;
            }

            var value = variable["valueFrom"] is JsonObject source
                ? references?.Invoke(source) ?? Resolve(source, podFields)
                : EnvVarExpansion.Expand(ResourceJson.StringAt(variable, "value") ?? "", defined);
            // A later duplicate wins, as in the kubelet's map, but keeps the first one's position.
            var existing = resolved.FindIndex(pair => pair.Key == name);
            if (existing >= 0)
            {
                resolved[existing] = new(name, value);
            }
            else
            {
                resolved.Add(new(name, value));
            }

            defined[name] = value;
        }

        return resolved;
    }

    private static string Resolve(JsonObject source, IReadOnlyDictionary<string, string> podFields)
    {
        if (ResourceJson.StringAt(source["fieldRef"], "fieldPath") is { } path)
        {
            return podFields.TryGetValue(path, out var field) ? field : "";
        }

        var (kind, reference) = source.FirstOrDefault();
        var parts = (reference as JsonObject ?? []).Select(pair => pair.Value?.ToString() ?? "");
        return $"{kind}:{string.Join('/', parts)}";
    }
}
