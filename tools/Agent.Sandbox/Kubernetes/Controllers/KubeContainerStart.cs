using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Image;
using Agent.Sandbox.Argo.Kubelet;
using Agent.Sandbox.Argo.Lifecycle;
using Agent.Sandbox.Kubernetes.Json;

namespace Agent.Sandbox.Kubernetes.Controllers;

/// <summary>
/// Starts a plain pod's container the way the kubelet and runc do (FIDELITY §5.2, §5.5, §5.6): env from envFrom and
/// env (with <c>$(VAR)</c> expansion of <c>value</c>s, Secrets taken literally), then the kernel's exec limits, which
/// count every env string whatever its source, then the ingestion image's program. Without Argo there is no emissary:
/// runc execs the container's own command, so that is the path in the E2BIG message.
/// </summary>
internal static class KubeContainerStart
{
    public static ProgramRun Launch(JsonObject pod, JsonObject container, SecretEnvironment secrets, string defaultOutcome)
    {
        var environment = Environment(pod, container, secrets);
        var command = Strings(container["command"]).Concat(Strings(container["args"])).ToList();
        if (ExecLimits.Check(command, environment) is not null)
        {
            return ProgramRun.Exited([$"exec {command.FirstOrDefault() ?? "/bin/sh"}: argument list too long"], 255);
        }

        return IngestionImage.Run(new ContainerLaunch(command, environment), defaultOutcome);
    }

    /// <summary>
    /// The <c>sandbox-pending: &lt;Reason&gt;[: &lt;message&gt;]</c> marker of the container's <c>config</c> (as on the Argo
    /// path, <see cref="PendingMarker"/>), split into the waiting reason and message the kubelet would report, e.g.
    /// <c>ImagePullBackOff</c> and <c>Back-off pulling image "x"</c> (K8S pkg/kubelet/images/image_manager.go).
    /// </summary>
    public static (string Reason, string? Message)? Pending(JsonObject pod, JsonObject container, SecretEnvironment secrets)
    {
        var config = Environment(pod, container, secrets).LastOrDefault(variable => variable.Key == "config").Value;
        if (PendingMarker.Find(config) is not { } marker)
        {
            return null;
        }

        var colon = marker.IndexOf(": ", StringComparison.Ordinal);
        return colon < 0 ? (marker, null) : (marker[..colon], marker[(colon + 2)..]);
    }

    private static List<KeyValuePair<string, string>> Environment(JsonObject pod, JsonObject container, SecretEnvironment secrets)
    {
        var podFields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["metadata.name"] = KubeJson.Name(pod),
            ["metadata.namespace"] = KubeJson.Namespace(pod),
            ["metadata.uid"] = KubeJson.Uid(pod),
        };

        // The downward API also serves single labels as metadata.labels['<KEY>'] (K8S pkg/apis/core/validation/validation.go
        // validEnvDownwardAPIFieldPathExpressions; pkg/fieldpath/fieldpath.go ExtractFieldPathAsString).
        foreach (var (key, value) in pod["metadata"]?["labels"] as JsonObject ?? [])
        {
            podFields[$"metadata.labels['{key}']"] = value?.ToString() ?? "";
        }
        return ContainerEnvironment.Build(container, podFields, secrets.FromEnvFrom(container), secrets.Resolve);
    }

    private static IEnumerable<string> Strings(JsonNode? node) =>
        (node as JsonArray ?? []).Select(item => item?.GetValue<string>() ?? "");
}
