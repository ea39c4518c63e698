using System.Text.Json.Nodes;
using Agent.Sandbox.Kubernetes.Json;

namespace Agent.Sandbox.Kubernetes.Controllers;

/// <summary>
/// The defaulting the apiserver applies before validation (K8S pkg/apis/batch/v1/defaults.go, pkg/apis/core/v1/defaults.go)
/// and the Job strategy's generated selector and pod-template labels (K8S pkg/registry/batch/job/strategy.go
/// generateSelector): <c>controller-uid</c>, <c>batch.kubernetes.io/controller-uid</c>, <c>job-name</c>,
/// <c>batch.kubernetes.io/job-name</c>.
/// </summary>
internal static class ObjectDefaults
{
    public const string ControllerUid = "batch.kubernetes.io/controller-uid";
    public const string JobName = "batch.kubernetes.io/job-name";

    public static void Job(JsonObject job, string uid)
    {
        var name = KubeJson.Name(job);
        var spec = KubeJson.Child(job, "spec");
        spec["parallelism"] ??= 1;
        spec["completions"] ??= 1;
        spec["backoffLimit"] ??= 6;
        spec["completionMode"] ??= "NonIndexed";
        spec["suspend"] ??= false;
        spec["podReplacementPolicy"] ??= "TerminatingOrFailed";
        spec["selector"] ??= new JsonObject { ["matchLabels"] = new JsonObject { [ControllerUid] = uid } };
        var template = KubeJson.Child(spec, "template");
        var labels = KubeJson.Child(KubeJson.Child(template, "metadata"), "labels");
        labels[ControllerUid] = uid;
        labels[JobName] = name;
        labels["controller-uid"] = uid;
        labels["job-name"] = name;
        var metadata = KubeJson.Child(job, "metadata");
        if (metadata["labels"] is not JsonObject { Count: > 0 })
        {
            metadata["labels"] = labels.DeepClone();
        }

        PodSpec(KubeJson.Child(template, "spec"), restartPolicy: null);
    }

    public static void CronJob(JsonObject cronJob)
    {
        var spec = KubeJson.Child(cronJob, "spec");
        spec["concurrencyPolicy"] ??= "Allow";
        spec["suspend"] ??= false;
        spec["successfulJobsHistoryLimit"] ??= 3;
        spec["failedJobsHistoryLimit"] ??= 1;
    }

    /// <summary>Pod spec defaults; a bare Pod restarts Always, a Job's template keeps what it was given.</summary>
    public static void PodSpec(JsonObject spec, string? restartPolicy)
    {
        if (restartPolicy is not null)
        {
            spec["restartPolicy"] ??= restartPolicy;
        }

        spec["dnsPolicy"] ??= "ClusterFirst";
        spec["schedulerName"] ??= "default-scheduler";
        spec["terminationGracePeriodSeconds"] ??= 30;
        spec["securityContext"] ??= new JsonObject();
        foreach (var container in (spec["containers"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var image = KubeJson.StringAt(container, "image") ?? "";
            var tagged = image.LastIndexOf(':') > image.LastIndexOf('/') && !image.EndsWith(":latest", StringComparison.Ordinal);
            container["imagePullPolicy"] ??= tagged || image.Contains('@') ? "IfNotPresent" : "Always";
            container["terminationMessagePath"] ??= "/dev/termination-log";
            container["terminationMessagePolicy"] ??= "File";
            container["resources"] ??= new JsonObject();
        }
    }
}
