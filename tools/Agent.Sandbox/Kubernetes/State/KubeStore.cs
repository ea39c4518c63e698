using System.Globalization;
using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Json;
using Agent.Sandbox.Argo.Query;
using Agent.Sandbox.Argo.State;
using Agent.Sandbox.Kubernetes.Api;
using Agent.Sandbox.Kubernetes.Json;
using Microsoft.Extensions.Options;

namespace Agent.Sandbox.Kubernetes.State;

/// <summary>
/// The emulated etcd: every object of every kind, and ONE resourceVersion counter across kinds, as etcd's revision is
/// (K8S staging/src/k8s.io/apiserver/pkg/storage/etcd3/store.go). Every write publishes a watch event. <see cref="Gate"/>
/// is reentrant, so the emulator holds it across a request and the controller steps it triggers.
/// </summary>
internal sealed partial class KubeStore(IOptions<KubernetesEmulatorOptions> options, TimeProvider time)
{
    private readonly Dictionary<ObjectKey, JsonObject> _objects = [];
    private long _revision = 1;

    public Lock Gate { get; } = new();

    public long Revision
    {
        get
        {
            lock (Gate)
            {
                return _revision;
            }
        }
    }

    public JsonObject? Get(ObjectKey key)
    {
        lock (Gate)
        {
            return _objects.TryGetValue(key, out var stored) ? KubeJson.Clone(stored) : null;
        }
    }

    public JsonObject GetOrThrow(ObjectKey key) => Get(key) ?? throw KubeStatus.NotFound(key.Kind, key.Name);

    public List<JsonObject> List(KubeKind kind, string? @namespace, LabelSelector selector)
    {
        lock (Gate)
        {
            return [.. _objects.Where(pair => pair.Key.Kind == kind && (@namespace is null || pair.Key.Namespace == @namespace))
                .Select(pair => pair.Value)
                .Where(o => selector.Matches(KubeJson.Labels(o)))
                .OrderBy(o => KubeJson.Name(o), StringComparer.Ordinal)
                .Select(KubeJson.Clone)];
        }
    }

    /// <summary>
    /// Copies of the objects of one kind and namespace that <paramref name="filter"/> picks, tested on the stored objects
    /// before anything is copied: the controllers look up a Job's pods on every sync, and copying every pod of the
    /// namespace each time made 10,000 Jobs cost minutes.
    /// </summary>
    public List<JsonObject> Find(KubeKind kind, string @namespace, Func<JsonObject, bool> filter)
    {
        lock (Gate)
        {
            return [.. _objects.Where(pair => pair.Key.Kind == kind && pair.Key.Namespace == @namespace && filter(pair.Value))
                .Select(pair => KubeJson.Clone(pair.Value))];
        }
    }

    public List<JsonObject> All()
    {
        lock (Gate)
        {
            return [.. _objects.Values.Select(KubeJson.Clone)];
        }
    }

    /// <summary>Stores a new object, stamping uid (unless the emulator chose it already), resourceVersion and creationTimestamp; 409 when the name is taken.</summary>
    public JsonObject Create(KubeKind kind, JsonObject resource)
    {
        lock (Gate)
        {
            var key = new ObjectKey(kind, KubeJson.Namespace(resource), KubeJson.Name(resource));
            if (_objects.ContainsKey(key))
            {
                throw KubeStatus.AlreadyExists(kind, key.Name);
            }

            var metadata = KubeJson.Child(resource, "metadata");
            metadata["uid"] ??= Guid.NewGuid().ToString();
            metadata["creationTimestamp"] = Rfc3339.Format(time.GetUtcNow());
            return Write(kind, key, resource, WatchEvent.Added, null);
        }
    }

    /// <summary>Applies <paramref name="change"/> to a copy and stores it with a new resourceVersion.</summary>
    public JsonObject Update(ObjectKey key, Action<JsonObject> change)
    {
        lock (Gate)
        {
            var previous = _objects.TryGetValue(key, out var stored) ? stored : throw KubeStatus.NotFound(key.Kind, key.Name);
            var next = KubeJson.Clone(previous);
            change(next);
            return Write(key.Kind, key, next, WatchEvent.Modified, previous);
        }
    }

    /// <summary>Removes an object; the DELETED event carries it with the deletion's resourceVersion.</summary>
    public JsonObject? Remove(ObjectKey key)
    {
        lock (Gate)
        {
            if (!_objects.Remove(key, out var stored))
            {
                return null;
            }

            var gone = KubeJson.Clone(stored);
            KubeJson.Child(gone, "metadata")["resourceVersion"] = Next();
            Publish(key.Kind, new WatchEvent(WatchEvent.Deleted, gone, stored, ResourceJson.ResourceVersion(gone)));
            return KubeJson.Clone(gone);
        }
    }

    private JsonObject Write(KubeKind kind, ObjectKey key, JsonObject resource, string type, JsonObject? previous)
    {
        resource["kind"] = kind.Kind;
        resource["apiVersion"] = kind.ApiVersion;
        KubeJson.Child(resource, "metadata")["resourceVersion"] = Next();
        // Reorder so kind and apiVersion come first, as the apiserver serializes them.
        var ordered = new JsonObject { ["kind"] = kind.Kind, ["apiVersion"] = kind.ApiVersion };
        foreach (var (name, value) in resource.ToList())
        {
            if (name is not ("kind" or "apiVersion"))
            {
                resource.Remove(name);
                ordered[name] = value;
            }
        }

        _objects[key] = ordered;
        Publish(kind, new WatchEvent(type, ordered, previous, _revision));
        return KubeJson.Clone(ordered);
    }

    private string Next() => (++_revision).ToString(CultureInfo.InvariantCulture);
}
