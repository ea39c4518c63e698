using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Json;
using Agent.Sandbox.Kubernetes.Json;
using Agent.Sandbox.Kubernetes.State;

namespace Agent.Sandbox.Kubernetes.Controllers;

internal sealed partial class JobController
{
    private const string Alphabet = "bcdfghjklmnpqrstvwxz2456789";

    /// <summary>
    /// A pod from the template: <c>generateName: &lt;job&gt;-</c> plus 5 random characters (the base cut to 58, K8S
    /// staging/src/k8s.io/apiserver/pkg/storage/names/generate.go), the template's labels (which carry the generated
    /// <c>job-name</c> and <c>controller-uid</c> labels), and a controlling ownerReference to the Job.
    /// </summary>
    private void CreatePod(ObjectKey key)
    {
        var job = _store.GetOrThrow(key);
        var template = job["spec"]?["template"] as JsonObject ?? [];
        var baseName = $"{key.Name}-";
        baseName = baseName.Length > 58 ? baseName[..58] : baseName;
        var suffix = new string([.. Enumerable.Range(0, 5).Select(_ => Alphabet[Random.Shared.Next(Alphabet.Length)])]);
        var metadata = (template["metadata"] as JsonObject)?.DeepClone() as JsonObject ?? [];
        metadata["name"] = baseName + suffix;
        metadata["generateName"] = baseName;
        metadata["namespace"] = key.Namespace;
        metadata["ownerReferences"] = KubeJson.ControllerReference(KubeKind.Job, key.Name, KubeJson.Uid(job));
        var pod = new JsonObject { ["metadata"] = metadata, ["spec"] = template["spec"]?.DeepClone() };
        var created = _store.Create(KubeKind.Pod, pod);
        _store.Update(key, j => CountActive(j, 1));
        _kubelet.Admit(created);
    }

    private void OnPodEnded(JsonObject pod, bool succeeded)
    {
        var quiet = _quietDeletions.Remove(KubeJson.Uid(pod));
        var owner = pod["metadata"]?["ownerReferences"] as JsonArray ?? [];
        if (owner.FirstOrDefault(r => KubeJson.BoolAt(r, "controller") && KubeJson.StringAt(r, "kind") == "Job") is not { } reference)
        {
            return;
        }

        var key = new ObjectKey(KubeKind.Job, KubeJson.Namespace(pod), KubeJson.StringAt(reference, "name") ?? "");
        if (_store.Get(key) is not { } job || KubeJson.Uid(job) != KubeJson.StringAt(reference, "uid"))
        {
            return;
        }

        job = _store.Update(key, j =>
        {
            CountActive(j, -1);
            if (!quiet && !JobConditions.Ending(j))
            {
                var counter = succeeded ? "succeeded" : "failed";
                KubeJson.Child(j, "status")[counter] = (KubeJson.LongAt(j["status"], counter) ?? 0) + 1;
            }
        });
        if (quiet || JobConditions.Ending(job))
        {
            return;
        }

        if (succeeded)
        {
            Succeed(key);
            return;
        }

        var failed = KubeJson.LongAt(job["status"], "failed") ?? 0;
        if (failed > (KubeJson.LongAt(job["spec"], "backoffLimit") ?? 6))
        {
            Fail(key, JobConditions.BackoffLimitExceeded, JobConditions.BackoffMessage);
            return;
        }

        var delay = TimeSpan.FromSeconds(_scheduler.Options.BackoffSeconds * Math.Pow(2, failed - 1));
        _scheduler.After(delay < MaxBackoff ? delay : MaxBackoff, () => Retry(key, KubeJson.Uid(job)));
    }

    private void Retry(ObjectKey key, string uid)
    {
        if (_store.Get(key) is { } job && KubeJson.Uid(job) == uid && !JobConditions.Ending(job)
            && !KubeJson.BoolAt(job["spec"], "suspend") && ActivePods(job).Count == 0)
        {
            CreatePod(key);
        }
    }

    private void Succeed(ObjectKey key)
    {
        _store.Update(key, j => JobConditions.Set(j, "SuccessCriteriaMet", "True", JobConditions.CompletionsReached, JobConditions.CompletionsMessage, Now));
        var done = _store.Update(key, j =>
        {
            JobConditions.Set(j, "Complete", "True", JobConditions.CompletionsReached, JobConditions.CompletionsMessage, Now);
            KubeJson.Child(j, "status")["completionTime"] = Rfc3339.Format(Now);
        });
        Finish(done);
    }

    /// <summary>FailureTarget first; the active pods are deleted (not counted again); then Failed with the same reason.</summary>
    private void Fail(ObjectKey key, string reason, string message)
    {
        if (_store.Get(key) is not { } job || JobConditions.Ending(job))
        {
            return;
        }

        job = _store.Update(key, j => JobConditions.Set(j, "FailureTarget", "True", reason, message, Now));
        foreach (var pod in ActivePods(job))
        {
            _collector.Delete(GarbageCollector.KeyOf(pod), GarbageCollector.Background);
        }

        var failed = _store.Update(key, j => JobConditions.Set(j, "Failed", "True", reason, message, Now));
        Finish(failed);
    }

    private void Finish(JsonObject job)
    {
        if (_deadlines.Remove(KubeJson.Uid(job), out var timer))
        {
            timer?.Dispose();
        }

        JobFinished?.Invoke(job);
    }

    private static void CountActive(JsonObject job, int delta)
    {
        var status = KubeJson.Child(job, "status");
        status["active"] = Math.Max(0, (KubeJson.LongAt(status, "active") ?? 0) + delta);
        status["ready"] ??= 0;
        status["terminating"] ??= 0;
        status["uncountedTerminatedPods"] ??= new JsonObject();
    }
}
