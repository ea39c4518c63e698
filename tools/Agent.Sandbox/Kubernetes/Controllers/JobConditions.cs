using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Json;
using Agent.Sandbox.Kubernetes.Json;

namespace Agent.Sandbox.Kubernetes.Controllers;

/// <summary>
/// Job status conditions with the Job controller's types, reasons and messages (K8S staging/src/k8s.io/api/batch/v1/types.go;
/// pkg/controller/job/job_controller.go; research-16 §3.4). Since 1.31 a Job first gets the interim condition
/// (<c>SuccessCriteriaMet</c> or <c>FailureTarget</c>) and only then the terminal one (<c>Complete</c> or
/// <c>Failed</c>) with the same reason; the apiserver rejects a terminal condition without its interim one.
/// </summary>
internal static class JobConditions
{
    public const string CompletionsReached = "CompletionsReached";
    public const string CompletionsMessage = "Reached expected number of succeeded pods";
    public const string BackoffLimitExceeded = "BackoffLimitExceeded";
    public const string BackoffMessage = "Job has reached the specified backoff limit";
    public const string DeadlineExceeded = "DeadlineExceeded";
    public const string DeadlineMessage = "Job was active longer than specified deadline";

    public static void Set(JsonObject job, string type, string value, string reason, string message, DateTimeOffset now)
    {
        var status = KubeJson.Child(job, "status");
        var conditions = status["conditions"] as JsonArray ?? [];
        status["conditions"] = conditions;
        var at = Rfc3339.Format(now);
        var existing = conditions.OfType<JsonObject>().FirstOrDefault(c => KubeJson.StringAt(c, "type") == type);
        var condition = new JsonObject
        {
            ["type"] = type,
            ["status"] = value,
            ["lastProbeTime"] = at,
            ["lastTransitionTime"] = existing is not null && KubeJson.StringAt(existing, "status") == value
                ? KubeJson.StringAt(existing, "lastTransitionTime") : at,
            ["reason"] = reason,
            ["message"] = message,
        };
        if (existing is null)
        {
            conditions.Add(condition);
        }
        else
        {
            conditions[conditions.IndexOf(existing)] = condition;
        }
    }

    public static bool Has(JsonObject job, string type) =>
        (job["status"]?["conditions"] as JsonArray ?? []).Any(c => KubeJson.StringAt(c, "type") == type && KubeJson.StringAt(c, "status") == "True");

    /// <summary>Finished for good: Complete or Failed is True.</summary>
    public static bool Finished(JsonObject job) => Has(job, "Complete") || Has(job, "Failed");

    /// <summary>Finishing or finished: no new pods may start.</summary>
    public static bool Ending(JsonObject job) => Finished(job) || Has(job, "FailureTarget") || Has(job, "SuccessCriteriaMet");
}
