using System.Globalization;
using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Errors;
using Agent.Sandbox.Argo.Json;
using Microsoft.Extensions.Options;

namespace Agent.Sandbox.Argo.State;

/// <summary>
/// The emulated kube-apiserver storage for workflows and cron workflows. Like etcd it has one global,
/// monotonically increasing resourceVersion, bumped by every change of any object, and it feeds workflow
/// changes to watchers in that order. One lock guards everything: the sandbox values simplicity over throughput.
/// </summary>
internal sealed partial class ArgoStore(IOptions<ArgoEmulatorOptions> options)
{
    public const string WorkflowResource = "workflows.argoproj.io";

    private readonly Lock _gate = new();
    private readonly Dictionary<(string Namespace, string Name), WorkflowEntry> _workflows = [];
    private long _resourceVersion;

    public long ResourceVersion
    {
        get
        {
            lock (_gate)
            {
                return _resourceVersion;
            }
        }
    }

    /// <summary>Stores a new workflow, stamps its resourceVersion and emits ADDED; 409 when the name is taken.</summary>
    public JsonObject AddWorkflow(WorkflowEntry entry)
    {
        var key = KeyOf(entry.Snapshot);
        lock (_gate)
        {
            if (_workflows.ContainsKey(key))
            {
                throw ArgoApiException.AlreadyExists(WorkflowResource, key.Name);
            }

            var version = StampNextVersion(entry.Snapshot);
            _workflows[key] = entry;
            Publish(new WatchEvent(WatchEvent.Added, entry.Snapshot, null, version));
            return entry.Snapshot;
        }
    }

    public JsonObject GetWorkflow(string @namespace, string name) => GetEntry(@namespace, name).Snapshot;

    public WorkflowEntry GetEntry(string @namespace, string name)
    {
        lock (_gate)
        {
            return _workflows.TryGetValue((@namespace, name), out var entry)
                ? entry
                : throw ArgoApiException.NotFound(WorkflowResource, name);
        }
    }

    /// <summary>All workflows of a namespace (every namespace when null) and the resourceVersion they reflect.</summary>
    public (List<JsonObject> Items, long ResourceVersion) ListWorkflows(string? @namespace)
    {
        lock (_gate)
        {
            var items = _workflows.Where(pair => @namespace is null || pair.Key.Namespace == @namespace)
                .Select(pair => pair.Value.Snapshot).ToList();
            return (items, _resourceVersion);
        }
    }

    /// <summary>
    /// Runs <paramref name="mutate"/> on a copy of the workflow under the lock. When it returns true the copy is
    /// published with a new resourceVersion and a MODIFIED event; when it throws, nothing changes.
    /// </summary>
    public JsonObject UpdateWorkflow(string @namespace, string name, Func<WorkflowEntry, JsonObject, bool> mutate)
    {
        lock (_gate)
        {
            var entry = GetEntry(@namespace, name);
            var working = entry.Snapshot.DeepClone().AsObject();
            if (!mutate(entry, working))
            {
                return entry.Snapshot;
            }

            var version = StampNextVersion(working);
            var previous = entry.Snapshot;
            entry.Snapshot = working;
            Publish(new WatchEvent(WatchEvent.Modified, working, previous, version));
            return working;
        }
    }

    /// <summary>Removes a workflow and emits DELETED carrying its last state at a new resourceVersion.</summary>
    public WorkflowEntry DeleteWorkflow(string @namespace, string name)
    {
        lock (_gate)
        {
            var entry = GetEntry(@namespace, name);
            _workflows.Remove((@namespace, name));
            entry.Timer?.Dispose();
            entry.ClockGeneration++;
            var final = entry.Snapshot.DeepClone().AsObject();
            var version = StampNextVersion(final);
            Publish(new WatchEvent(WatchEvent.Deleted, final, entry.Snapshot, version));
            return entry;
        }
    }

    private long StampNextVersion(JsonObject resource)
    {
        var version = ++_resourceVersion;
        ResourceJson.Metadata(resource)["resourceVersion"] = version.ToString(CultureInfo.InvariantCulture);
        return version;
    }

    private static (string Namespace, string Name) KeyOf(JsonObject resource) =>
        (ResourceJson.Namespace(resource), ResourceJson.Name(resource));
}
