using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Query;
using Agent.Sandbox.Kubernetes.Api;
using Agent.Sandbox.Kubernetes.Controllers;
using Agent.Sandbox.Kubernetes.Json;
using Agent.Sandbox.Kubernetes.State;
using Agent.Sandbox.Kubernetes.Validation;

namespace Agent.Sandbox.Kubernetes;

/// <summary>
/// The emulated apiserver's write path: admission (defaulting, validation) for each kind, storage, then the controller
/// that reacts; plus updates and deletes with owner-reference garbage collection. Every operation holds the store's
/// gate, so a request and the controller steps it triggers are one atomic step for watchers.
/// </summary>
internal sealed class KubernetesEmulator(
    KubeStore store, JobAdmission jobs, JobController jobController, CronJobController cronJobs, Kubelet kubelet, GarbageCollector collector)
{
    public KubeStore Store => store;

    public Kubelet Kubelet => kubelet;

    public CronJobController CronJobs => cronJobs;

    public JsonObject Create(KubeKind kind, string @namespace, JsonObject body)
    {
        lock (store.Gate)
        {
            var metadata = KubeJson.Child(body, "metadata");
            if (KubeJson.StringAt(metadata, "namespace") is { Length: > 0 } given && given != @namespace)
            {
                throw KubeStatus.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
            }

            metadata["namespace"] = @namespace;
            metadata.Remove("uid");
            metadata.Remove("resourceVersion");
            if (KubeJson.StringAt(metadata, "name") is null or "" && KubeJson.StringAt(metadata, "generateName") is { Length: > 0 } prefix)
            {
                metadata["name"] = prefix + Guid.NewGuid().ToString("N")[..5];
            }

            if (kind == KubeKind.Job)
            {
                var job = jobs.Create(body);
                collector.Sweep();
                return job;
            }

            var errors = Admit(kind, body);
            if (errors.Count > 0)
            {
                throw KubeStatus.Invalid(kind, KubeJson.Name(body), errors);
            }

            var created = store.Create(kind, body);
            if (kind == KubeKind.Pod)
            {
                kubelet.Admit(created);
            }
            else if (kind == KubeKind.Secret)
            {
                kubelet.RetryWaiting(@namespace);
            }

            // An object created with owners that do not exist is collected (the GC checks owners by uid).
            collector.Sweep();
            return created;
        }
    }

    public JsonObject Get(ObjectKey key) => store.GetOrThrow(key);

    public (List<JsonObject> Items, long Revision) List(KubeKind kind, string? @namespace, LabelSelector selector)
    {
        lock (store.Gate)
        {
            return (store.List(kind, @namespace, selector), store.Revision);
        }
    }

    /// <summary>Applies a patched or replaced object; a change of <c>spec.suspend</c> reaches the controllers.</summary>
    public JsonObject Update(ObjectKey key, Func<JsonObject, JsonObject> patch)
    {
        lock (store.Gate)
        {
            var current = store.GetOrThrow(key);
            var next = patch(KubeJson.Clone(current));
            var metadata = KubeJson.Child(next, "metadata");
            var expected = KubeJson.StringAt(metadata, "resourceVersion");
            if (expected is not null && expected != KubeJson.StringAt(current["metadata"], "resourceVersion"))
            {
                throw KubeStatus.Conflict(key.Kind, key.Name, "the object has been modified; please apply your changes to the latest version and try again");
            }

            // Identity and status are not the client's to change through the main resource.
            next["metadata"] = KubeJson.Clone((JsonObject)metadata);
            foreach (var field in (string[])["uid", "creationTimestamp", "name", "namespace"])
            {
                KubeJson.Child(next, "metadata")[field] = current["metadata"]?[field]?.DeepClone();
            }

            next["status"] = current["status"]?.DeepClone();
            var errors = UpdateErrors(key.Kind, next);
            if (errors.Count > 0)
            {
                throw KubeStatus.Invalid(key.Kind, key.Name, errors);
            }

            var stored = store.Update(key, target =>
            {
                foreach (var (name, value) in next.ToList())
                {
                    target[name] = value?.DeepClone();
                }
            });
            if (key.Kind == KubeKind.Job)
            {
                jobController.Sync(key);
            }

            return stored;
        }
    }

    public JsonObject Delete(ObjectKey key, string policy)
    {
        lock (store.Gate)
        {
            return collector.Delete(key, policy);
        }
    }

    private static List<FieldError> Admit(KubeKind kind, JsonObject body)
    {
        if (kind == KubeKind.CronJob)
        {
            ObjectDefaults.CronJob(body);
            body.Remove("status");
            return CronJobValidator.Validate(body);
        }

        if (kind == KubeKind.Secret)
        {
            SecretValidator.MergeStringData(body);
            body["type"] ??= "Opaque";
            return SecretValidator.Validate(body);
        }

        ObjectDefaults.PodSpec(KubeJson.Child(body, "spec"), "Always");
        body.Remove("status");
        var errors = MetadataValidator.Validate(body);
        errors.AddRange(PodSpecValidator.Validate(body["spec"], "spec"));
        return errors;
    }

    /// <summary>Updates re-check metadata (and a Secret's size); the CronJob name limit applies on create only.</summary>
    private static List<FieldError> UpdateErrors(KubeKind kind, JsonObject next) =>
        kind == KubeKind.Secret ? SecretValidator.Validate(next) : MetadataValidator.Validate(next);
}
