using System.Text;
using Agent.Sandbox.Kubernetes.Controllers;
using Agent.Sandbox.Kubernetes.Json;
using Agent.Sandbox.Kubernetes.State;

namespace Agent.Sandbox.Kubernetes.Api;

/// <summary>
/// <c>GET /api/v1/namespaces/{ns}/pods/{name}/log</c> (K8S pkg/registry/core/pod/strategy.go LogLocation; research-16
/// §3.5): <c>container</c> may be left out only for a one-container pod; a container that has not started answers 400
/// <c>container "main" in pod "p" is waiting to start: &lt;reason&gt;</c>; a deleted pod answers 404. <c>tailLines</c>
/// keeps the last lines and <c>limitBytes</c> cuts the answer, as the kubelet does.
/// </summary>
internal static class PodLogEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/v1/namespaces/{namespace}/pods/{name}/log", Read).WithSummary("Read a pod's container log (text)");

    private static Microsoft.AspNetCore.Http.HttpResults.FileContentHttpResult Read(string @namespace, string name, string? container, long? tailLines, long? limitBytes, KubernetesEmulator emulator)
    {
        lock (emulator.Store.Gate)
        {
            var pod = emulator.Get(new ObjectKey(KubeKind.Pod, @namespace, name));
            var names = (pod["spec"]?["containers"] as System.Text.Json.Nodes.JsonArray ?? []).Select(c => KubeJson.StringAt(c, "name") ?? "").ToList();
            if (string.IsNullOrEmpty(container))
            {
                container = names.Count == 1 ? names[0]
                    : throw KubeStatus.BadRequest($"a container name must be specified for pod {name}, choose one of: [{string.Join(' ', names)}]");
            }
            else if (!names.Contains(container))
            {
                throw KubeStatus.BadRequest($"container {container} is not valid for pod {name}");
            }

            var runtime = emulator.Kubelet.Runtime(pod);
            if (runtime is { WaitingReason: { } reason })
            {
                throw KubeStatus.BadRequest($"container \"{container}\" in pod \"{name}\" is waiting to start: {reason}");
            }

            var main = KubeJson.StringAt(Kubelet.MainContainer(pod), "name");
            var (lines, _) = container == main && runtime is not null ? runtime.Log.Read(0) : ([], 0);
            var kept = tailLines is { } tail and >= 0 ? lines.Skip(Math.Max(0, lines.Count - (int)Math.Min(tail, int.MaxValue))) : lines;
            var bytes = Encoding.UTF8.GetBytes(string.Concat(kept.Select(line => line + "\n")));
            if (limitBytes is { } limit and > 0 && bytes.Length > limit)
            {
                bytes = bytes[..(int)limit];
            }

            return TypedResults.Bytes(bytes, "text/plain");
        }
    }
}
