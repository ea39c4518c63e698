using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Json;
using Agent.Sandbox.Kubernetes.Json;

namespace Agent.Sandbox.Kubernetes.Controllers;

/// <summary>
/// Writes a pod's <c>status</c> as the kubelet reports it (K8S staging/src/k8s.io/api/core/v1/types.go PodStatus,
/// ContainerStatus; research-16 §3.5): the phase, the PodScheduled/Ready conditions, and one container status whose
/// state is waiting (with reason and message), running or terminated (exit code, reason Completed or Error).
/// </summary>
internal static class PodStatus
{
    public static void Pending(JsonObject pod, string reason, string? message, DateTimeOffset now)
    {
        var waiting = new JsonObject { ["reason"] = reason };
        if (message is not null)
        {
            waiting["message"] = message;
        }

        Write(pod, "Pending", new JsonObject { ["waiting"] = waiting }, ready: false, started: false, now);
    }

    public static void Running(JsonObject pod, DateTimeOffset now)
    {
        var status = KubeJson.Child(pod, "status");
        status["startTime"] = Rfc3339.Format(now);
        Write(pod, "Running", new JsonObject { ["running"] = new JsonObject { ["startedAt"] = Rfc3339.Format(now) } }, ready: true, started: true, now);
    }

    public static void Terminated(JsonObject pod, int exitCode, bool succeeded, DateTimeOffset now)
    {
        var status = KubeJson.Child(pod, "status");
        var startedAt = KubeJson.StringAt(status, "startTime") ?? Rfc3339.Format(now);
        var terminated = new JsonObject
        {
            ["exitCode"] = exitCode,
            ["reason"] = succeeded ? "Completed" : "Error",
            ["startedAt"] = startedAt,
            ["finishedAt"] = Rfc3339.Format(now),
        };
        Write(pod, succeeded ? "Succeeded" : "Failed", new JsonObject { ["terminated"] = terminated }, ready: false, started: false, now);
    }

    private static void Write(JsonObject pod, string phase, JsonObject state, bool ready, bool started, DateTimeOffset now)
    {
        var status = KubeJson.Child(pod, "status");
        status["phase"] = phase;
        var at = Rfc3339.Format(now);
        status["conditions"] = new JsonArray(
            Condition("PodScheduled", "True", KubeJson.StringAt(status, "startTime") ?? at),
            Condition("Ready", ready ? "True" : "False", at));
        var main = Kubelet.MainContainer(pod);
        status["containerStatuses"] = new JsonArray(new JsonObject
        {
            ["name"] = KubeJson.StringAt(main, "name") ?? "",
            ["state"] = state,
            ["ready"] = ready,
            ["restartCount"] = 0,
            ["image"] = KubeJson.StringAt(main, "image") ?? "",
            ["imageID"] = "",
            ["started"] = started,
        });
    }

    private static JsonObject Condition(string type, string value, string at) =>
        new() { ["type"] = type, ["status"] = value, ["lastTransitionTime"] = at };
}
