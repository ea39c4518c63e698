using System.Globalization;
using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Json;
using Agent.Sandbox.Argo.Query;
using Agent.Sandbox.Argo.State;

namespace Agent.Sandbox.Kubernetes.State;

internal sealed partial class KubeStore
{
    private readonly List<KubeWatch> _watches = [];
    private readonly List<(KubeKind Kind, WatchEvent Event)> _history = [];
    private WatchEventRing? _ring;

    private WatchEventRing Ring => _ring ??= new WatchEventRing(options.Value.EventRetention);

    /// <summary>Raised (under the gate) when a watch opens, so tests can wait for one instead of polling.</summary>
    public event Action<KubeWatch>? WatchOpened;

    /// <summary>Raised (under the gate) after every stored change, with the event watchers get, so tests wait on it.</summary>
    public event Action<KubeKind, WatchEvent>? Changed;

    public int OpenWatches
    {
        get
        {
            lock (Gate)
            {
                return _watches.Count;
            }
        }
    }

    /// <summary>
    /// Opens a watch. With no resourceVersion (or "0") it first queues a synthetic ADDED per current object; with one it
    /// replays the retained events after it. Returns the expired answer (K8S watch_cache.go getAllEventsSinceLocked)
    /// instead when the bounded window no longer reaches back that far.
    /// </summary>
    public (KubeWatch? Watch, long OldestRetained) Open(KubeKind kind, string @namespace, LabelSelector selector, long? since, bool bookmarks)
    {
        lock (Gate)
        {
            if (since is { } version && !Ring.CanResumeFrom(version))
            {
                return (null, Ring.OldestRetainedVersion);
            }

            var watch = new KubeWatch(kind, @namespace, selector, bookmarks, w => { lock (Gate) { _watches.Remove(w); } });
            var backlog = since is { } resume
                ? _history.Where(h => h.Event.ResourceVersion > resume)
                : _objects.Where(p => p.Key.Kind == kind)
                    .Select(p => (p.Key.Kind, new WatchEvent(WatchEvent.Added, p.Value, null, ResourceJson.ResourceVersion(p.Value))))
                    .OrderBy(h => h.Item2.ResourceVersion);
            foreach (var entry in backlog.Where(h => watch.Matches(h.Item1, h.Item2)))
            {
                watch.Publish(entry.Item2);
            }

            _watches.Add(watch);
            WatchOpened?.Invoke(watch);
            return (watch, 0);
        }
    }

    /// <summary>Sends every watch that allowed bookmarks a BOOKMARK at the current revision.</summary>
    public void Bookmark()
    {
        lock (Gate)
        {
            foreach (var watch in _watches.Where(w => w.WantsBookmarks))
            {
                watch.Publish(BookmarkEvent(watch.Kind));
            }
        }
    }

    /// <summary>
    /// A BOOKMARK's object has only kind, apiVersion and metadata.resourceVersion (K8S
    /// staging/src/k8s.io/apiserver/pkg/storage/cacher/cacher.go; research-16 §3.7).
    /// </summary>
    public WatchEvent BookmarkEvent(KubeKind kind)
    {
        lock (Gate)
        {
            var bookmark = new JsonObject
            {
                ["kind"] = kind.Kind,
                ["apiVersion"] = kind.ApiVersion,
                ["metadata"] = new JsonObject { ["resourceVersion"] = _revision.ToString(CultureInfo.InvariantCulture) },
            };
            return new WatchEvent(KubeWatch.Bookmark, bookmark, null, _revision);
        }
    }

    /// <summary>Drops the retained history (etcd compaction), so resuming from any older revision answers 410.</summary>
    public void Compact()
    {
        lock (Gate)
        {
            Ring.Compact();
            _history.Clear();
        }
    }

    public void CloseWatches()
    {
        lock (Gate)
        {
            foreach (var watch in _watches.ToList())
            {
                watch.Close();
            }
        }
    }

    private void Publish(KubeKind kind, WatchEvent watchEvent)
    {
        Ring.Add(watchEvent);
        _history.Add((kind, watchEvent));
        if (_history.Count > options.Value.EventRetention)
        {
            _history.RemoveAt(0);
        }

        foreach (var watch in _watches.Where(w => w.Matches(kind, watchEvent)))
        {
            watch.Publish(watchEvent);
        }

        Changed?.Invoke(kind, watchEvent);
    }
}
