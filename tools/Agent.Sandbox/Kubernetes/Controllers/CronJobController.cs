using System.Globalization;
using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Json;
using Agent.Sandbox.Kubernetes.Json;
using Agent.Sandbox.Kubernetes.State;

namespace Agent.Sandbox.Kubernetes.Controllers;

/// <summary>
/// The CronJob controller's tick (K8S pkg/controller/cronjob/cronjob_controllerv2.go syncCronJob, getJobName;
/// research-16 §3.1, §3.6). The sandbox does no real-time scheduling: a tick is fired through the control route.
/// A suspended CronJob skips it, <c>Forbid</c> skips it while a Job is active, <c>Replace</c> deletes the active Jobs
/// first. The Job is named <c>&lt;cronjob&gt;-&lt;scheduled minutes since epoch&gt;</c>, owned by the CronJob, and
/// annotated with <c>batch.kubernetes.io/cronjob-scheduled-timestamp</c> in the CronJob's time zone.
/// </summary>
internal sealed class CronJobController
{
    public const string ScheduledTimestamp = "batch.kubernetes.io/cronjob-scheduled-timestamp";

    private readonly KubeStore _store;
    private readonly JobAdmission _jobs;
    private readonly GarbageCollector _collector;

    public CronJobController(KubeStore store, JobAdmission jobs, GarbageCollector collector, JobController jobController)
    {
        _store = store;
        _jobs = jobs;
        _collector = collector;
        jobController.JobFinished += OnJobFinished;
    }

    /// <summary>Fires one schedule tick; returns the created Job, or why the tick was skipped.</summary>
    public (JsonObject? Job, string? Skipped) Fire(ObjectKey key, DateTimeOffset scheduled)
    {
        var cronJob = _store.GetOrThrow(key);
        var spec = cronJob["spec"];
        if (KubeJson.BoolAt(spec, "suspend"))
        {
            return (null, "suspended");
        }

        var active = ActiveJobs(cronJob);
        var policy = KubeJson.StringAt(spec, "concurrencyPolicy") ?? "Allow";
        if (policy == "Forbid" && active.Count > 0)
        {
            return (null, "Forbid: a Job is still active");
        }

        if (policy == "Replace")
        {
            active.ForEach(job => _collector.Delete(GarbageCollector.KeyOf(job), GarbageCollector.Background));
        }

        var zone = KubeJson.StringAt(spec, "timeZone") is { } name ? TimeZoneInfo.FindSystemTimeZoneById(name) : TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(scheduled, zone);
        var jobName = $"{key.Name}-{(scheduled.ToUnixTimeSeconds() / 60).ToString(CultureInfo.InvariantCulture)}";
        if (_store.Get(key with { Kind = KubeKind.Job, Name = jobName }) is not null)
        {
            return (null, $"job {jobName} already exists");
        }

        var template = spec?["jobTemplate"] as JsonObject ?? [];
        var metadata = template["metadata"]?.DeepClone() as JsonObject ?? [];
        metadata["name"] = jobName;
        metadata["namespace"] = key.Namespace;
        KubeJson.Child(metadata, "annotations")[ScheduledTimestamp] = local.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
        metadata["ownerReferences"] = KubeJson.ControllerReference(KubeKind.CronJob, key.Name, KubeJson.Uid(cronJob));
        var job = _jobs.Create(new JsonObject { ["metadata"] = metadata, ["spec"] = template["spec"]?.DeepClone() });
        _store.Update(key, c =>
        {
            var status = KubeJson.Child(c, "status");
            var list = status["active"] as JsonArray ?? [];
            list.Add(new JsonObject
            {
                ["kind"] = KubeKind.Job.Kind,
                ["namespace"] = key.Namespace,
                ["name"] = jobName,
                ["uid"] = KubeJson.Uid(job),
                ["apiVersion"] = KubeKind.Job.ApiVersion,
                ["resourceVersion"] = KubeJson.StringAt(job["metadata"], "resourceVersion"),
            });
            status["active"] = list;
            status["lastScheduleTime"] = Rfc3339.Format(scheduled);
        });
        return (job, null);
    }

    private List<JsonObject> ActiveJobs(JsonObject cronJob) =>
        [.. _store.List(KubeKind.Job, KubeJson.Namespace(cronJob), Argo.Query.LabelSelector.Everything)
            .Where(j => KubeJson.OwnerUids(j).Contains(KubeJson.Uid(cronJob)) && !JobConditions.Finished(j))];

    private void OnJobFinished(JsonObject job)
    {
        var reference = (job["metadata"]?["ownerReferences"] as JsonArray ?? []).FirstOrDefault(r => KubeJson.StringAt(r, "kind") == KubeKind.CronJob.Kind);
        var key = new ObjectKey(KubeKind.CronJob, KubeJson.Namespace(job), KubeJson.StringAt(reference, "name") ?? "");
        if (reference is null || _store.Get(key) is null)
        {
            return;
        }

        _store.Update(key, c =>
        {
            var status = KubeJson.Child(c, "status");
            if (status["active"] is JsonArray list)
            {
                foreach (var entry in list.Where(e => KubeJson.StringAt(e, "uid") == KubeJson.Uid(job)).ToList())
                {
                    list.Remove(entry);
                }

                if (list.Count == 0)
                {
                    status.Remove("active");
                }
            }

            if (JobConditions.Has(job, "Complete"))
            {
                status["lastSuccessfulTime"] = KubeJson.StringAt(job["status"], "completionTime");
            }
        });
    }
}
