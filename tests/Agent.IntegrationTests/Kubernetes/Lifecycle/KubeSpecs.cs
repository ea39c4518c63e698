using System.Text;
using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Kubelet;
using Agent.Sandbox.Kubernetes.Controllers;

namespace Agent.IntegrationTests.Kubernetes.Lifecycle;

/// <summary>
/// Reads the parts of a Job, CronJob, Secret or pod the lifecycle twins assert on, as <c>ArgoObjects</c> does for
/// Workflows: the main container, its env entries, a Secret's decoded value, and the env its process receives.
/// </summary>
internal static class KubeSpecs
{
    /// <summary>The container named <c>main</c> of a Job spec (or a CronJob's <c>jobTemplate.spec</c>).</summary>
    public static JsonObject MainContainer(JsonNode jobSpec) =>
        jobSpec["template"]!["spec"]!["containers"]!.AsArray().Select(c => c!.AsObject()).Single(c => (string?)c["name"] == "main");

    public static JsonObject? Env(JsonNode container, string name) =>
        container["env"]!.AsArray().Select(e => e!.AsObject()).SingleOrDefault(e => (string?)e["name"] == name);

    /// <summary>A Secret's value as stored (the API server folds <c>stringData</c> into base64 <c>data</c>).</summary>
    public static string? SecretValue(JsonNode secret, string key) =>
        secret["data"]?[key] is JsonValue value ? Encoding.UTF8.GetString(Convert.FromBase64String((string)value!)) : null;

    public static IEnumerable<string> Strings(JsonNode? array) => (array?.AsArray() ?? []).Select(item => (string)item!);

    /// <summary>
    /// The main container's environment as its process receives it: the emulator's own kubelet rules (env values
    /// expanded, <c>secretKeyRef</c> and <c>fieldRef</c> taken literally) over the Secrets stored now.
    /// </summary>
    public static Dictionary<string, string> ReceivedEnv(KubeObjects kube, JsonObject pod)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["metadata.name"] = KubeObjects.Name(pod),
            ["metadata.uid"] = (string)pod["metadata"]!["uid"]!,
        };
        foreach (var (key, value) in pod["metadata"]?["labels"]?.AsObject() ?? [])
        {
            fields[$"metadata.labels['{key}']"] = (string)value!;
        }

        var container = pod["spec"]!["containers"]!.AsArray().Select(c => c!.AsObject()).Single(c => (string?)c["name"] == "main");
        var secrets = new SecretEnvironment(kube.Emulator.Store, kube.Namespace);
        return ContainerEnvironment.Build(container, fields, secrets.FromEnvFrom(container), secrets.Resolve)
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
    }
}
