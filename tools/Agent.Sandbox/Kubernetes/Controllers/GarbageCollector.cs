using System.Text.Json.Nodes;
using Agent.Sandbox.Kubernetes.Json;
using Agent.Sandbox.Kubernetes.State;

namespace Agent.Sandbox.Kubernetes.Controllers;

/// <summary>
/// Deletion with owner references (K8S pkg/controller/garbagecollector/garbagecollector.go; research-16 §3.8).
/// <c>Background</c> removes the owner, then every dependent whose owners are all gone; <c>Foreground</c> first marks
/// the owner (deletionTimestamp, finalizer <c>foregroundDeletion</c>), removes the dependents, then the owner;
/// <c>Orphan</c> strips the owner's entry from each dependent's ownerReferences and leaves it. The real collector works
/// asynchronously; the sandbox does it in the same step, so the DELETED events follow the owner's at once.
/// </summary>
internal sealed class GarbageCollector(KubeStore store, Kubelet kubelet, Scheduler scheduler)
{
    public const string Background = "Background";
    public const string Foreground = "Foreground";
    public const string Orphan = "Orphan";

    public JsonObject Delete(ObjectKey key, string policy)
    {
        var owner = store.GetOrThrow(key);
        var uid = KubeJson.Uid(owner);
        if (policy == Orphan)
        {
            foreach (var dependent in Dependents(uid))
            {
                store.Update(KeyOf(dependent), d => Disown(d, uid));
            }
        }
        else if (policy == Foreground)
        {
            store.Update(key, o =>
            {
                var metadata = KubeJson.Child(o, "metadata");
                metadata["deletionTimestamp"] = Argo.Json.Rfc3339.Format(scheduler.Time.GetUtcNow());
                metadata["finalizers"] = new JsonArray("foregroundDeletion");
            });
            foreach (var dependent in Dependents(uid))
            {
                Delete(KeyOf(dependent), Foreground);
            }
        }

        var removed = Remove(key);
        if (policy == Background)
        {
            Sweep();
        }

        return removed;
    }

    /// <summary>Collects every object whose ownerReferences all point at uids that no longer exist.</summary>
    public void Sweep()
    {
        while (true)
        {
            var all = store.All();
            var live = all.Select(KubeJson.Uid).ToHashSet(StringComparer.Ordinal);
            var orphan = all.FirstOrDefault(o => KubeJson.OwnerUids(o).ToList() is { Count: > 0 } owners && owners.All(u => !live.Contains(u)));
            if (orphan is null)
            {
                return;
            }

            Remove(KeyOf(orphan));
        }
    }

    private JsonObject Remove(ObjectKey key)
    {
        var removed = store.Remove(key) ?? throw Api.KubeStatus.NotFound(key.Kind, key.Name);
        if (key.Kind == KubeKind.Pod)
        {
            kubelet.Forget(removed);
        }

        return removed;
    }

    private List<JsonObject> Dependents(string uid) =>
        [.. store.All().Where(o => KubeJson.OwnerUids(o).Contains(uid, StringComparer.Ordinal))];

    private static void Disown(JsonObject dependent, string uid)
    {
        var references = dependent["metadata"]?["ownerReferences"] as JsonArray ?? [];
        foreach (var reference in references.Where(r => KubeJson.StringAt(r, "uid") == uid).ToList())
        {
            references.Remove(reference);
        }

        if (references.Count == 0)
        {
            KubeJson.Child(dependent, "metadata").Remove("ownerReferences");
        }
    }

    public static ObjectKey KeyOf(JsonObject resource) =>
        new(KubeKind.Of(resource["kind"]?.GetValue<string>() ?? "")!, KubeJson.Namespace(resource), KubeJson.Name(resource));
}
