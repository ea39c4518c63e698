using System.Text.Json.Nodes;
using Agent.Sandbox.Kubernetes.Api;
using Agent.Sandbox.Kubernetes.Json;
using Agent.Sandbox.Kubernetes.State;
using Agent.Sandbox.Kubernetes.Validation;

namespace Agent.Sandbox.Kubernetes.Controllers;

/// <summary>
/// Creates a Job as the apiserver does (defaulting, then validation, then storage) and hands it to the Job
/// controller. Used by the REST create and by the CronJob controller alike, so both get the same rules.
/// </summary>
internal sealed class JobAdmission(KubeStore store, JobController controller)
{
    public JsonObject Create(JsonObject job)
    {
        var errors = JobValidator.Validate(job);
        if (errors.Count > 0)
        {
            throw KubeStatus.Invalid(KubeKind.Job, KubeJson.Name(job), errors);
        }

        var key = new ObjectKey(KubeKind.Job, KubeJson.Namespace(job), KubeJson.Name(job));
        if (store.Get(key) is not null)
        {
            throw KubeStatus.AlreadyExists(KubeKind.Job, key.Name);
        }

        var uid = Guid.NewGuid().ToString();
        KubeJson.Child(job, "metadata")["uid"] = uid;
        ObjectDefaults.Job(job, uid);
        job.Remove("status");
        var created = store.Create(KubeKind.Job, job);
        controller.Sync(key);
        return created;
    }
}
