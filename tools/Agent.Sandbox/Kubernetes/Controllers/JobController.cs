using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Json;
using Agent.Sandbox.Kubernetes.Json;
using Agent.Sandbox.Kubernetes.State;

namespace Agent.Sandbox.Kubernetes.Controllers;

/// <summary>
/// The Job controller for NonIndexed Jobs of one completion (K8S pkg/controller/job/job_controller.go; research-16
/// §3.4): one pod at a time; a failed pod (a deleted unfinished pod included) adds to <c>failed</c> and, while
/// <c>failed &lt;= backoffLimit</c>, is replaced after a doubling back-off (10 s, 20 s, … capped at 6 min);
/// <c>activeDeadlineSeconds</c> from <c>startTime</c> deletes the active pod and fails the Job; <c>suspend</c> deletes
/// it without counting a failure.
/// </summary>
internal sealed partial class JobController
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(6);

    private readonly KubeStore _store;
    private readonly Kubelet _kubelet;
    private readonly GarbageCollector _collector;
    private readonly Scheduler _scheduler;
    private readonly HashSet<string> _quietDeletions = [];
    private readonly Dictionary<string, ITimer?> _deadlines = [];

    public JobController(KubeStore store, Kubelet kubelet, GarbageCollector collector, Scheduler scheduler)
    {
        _store = store;
        _kubelet = kubelet;
        _collector = collector;
        _scheduler = scheduler;
        kubelet.PodEnded += OnPodEnded;
    }

    /// <summary>Raised when a Job gets Complete or Failed.</summary>
    public event Action<JsonObject>? JobFinished;

    private DateTimeOffset Now => _scheduler.Time.GetUtcNow();

    /// <summary>A new (or resumed) Job: stamps startTime, arms the deadline and starts its first pod.</summary>
    public void Sync(ObjectKey key)
    {
        if (_store.Get(key) is not { } job || JobConditions.Ending(job))
        {
            return;
        }

        if (KubeJson.BoolAt(job["spec"], "suspend"))
        {
            Suspend(key, job);
            return;
        }

        if (JobConditions.Has(job, "Suspended"))
        {
            job = _store.Update(key, j => JobConditions.Set(j, "Suspended", "False", "JobResumed", "Job resumed", Now));
        }

        if (KubeJson.StringAt(job["status"], "startTime") is null)
        {
            job = _store.Update(key, j => KubeJson.Child(j, "status")["startTime"] = Rfc3339.Format(Now));
            ArmDeadline(key, job);
        }

        if (ActivePods(job).Count == 0)
        {
            CreatePod(key);
        }
    }

    private void Suspend(ObjectKey key, JsonObject job)
    {
        foreach (var pod in ActivePods(job))
        {
            _quietDeletions.Add(KubeJson.Uid(pod));
            _collector.Delete(GarbageCollector.KeyOf(pod), GarbageCollector.Background);
        }

        if (!JobConditions.Has(job, "Suspended"))
        {
            _store.Update(key, j =>
            {
                JobConditions.Set(j, "Suspended", "True", "JobSuspended", "Job suspended", Now);
                KubeJson.Child(j, "status")["active"] = 0;
            });
        }
    }

    private void ArmDeadline(ObjectKey key, JsonObject job)
    {
        if (KubeJson.LongAt(job["spec"], "activeDeadlineSeconds") is { } seconds)
        {
            _deadlines[KubeJson.Uid(job)] = _scheduler.After(TimeSpan.FromSeconds(seconds), () => Fail(key, JobConditions.DeadlineExceeded, JobConditions.DeadlineMessage));
        }
    }

    public List<JsonObject> ActivePods(JsonObject job)
    {
        var uid = KubeJson.Uid(job);
        return _store.Find(KubeKind.Pod, KubeJson.Namespace(job), p => KubeJson.OwnerUids(p).Contains(uid) && ResourceJson.Phase(p) is not ("Succeeded" or "Failed"));
    }

    private static ObjectKey KeyOf(JsonObject job) => new(KubeKind.Job, KubeJson.Namespace(job), KubeJson.Name(job));
}
