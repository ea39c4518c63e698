using Agent.Sandbox.Argo.Errors;
using Agent.Sandbox.Argo.Json;

namespace Agent.Sandbox.Argo.State;

internal sealed partial class ArgoStore
{
    private readonly List<WatchSubscription> _watchers = [];
    private readonly WatchEventRing _ring = new(options.Value.EventRetention);

    public int OpenWatches
    {
        get
        {
            lock (_gate)
            {
                return _watchers.Count;
            }
        }
    }

    /// <summary>
    /// Opens a watch on a namespace. Without <paramref name="sinceVersion"/> it first queues a synthetic ADDED for
    /// every current workflow (k8s semantics); with one it replays the retained events after it, or fails with
    /// "too old resource version" when the ring no longer reaches back that far.
    /// </summary>
    public WatchSubscription Watch(string @namespace, long? sinceVersion)
    {
        lock (_gate)
        {
            if (sinceVersion is { } since && !_ring.CanResumeFrom(since))
            {
                throw ArgoApiException.InvalidArgument(
                    $"too old resource version: {since} ({_ring.OldestRetainedVersion - 1})");
            }

            var subscription = new WatchSubscription(@namespace, Unsubscribe);
            var backlog = sinceVersion is { } resumeFrom
                ? _ring.After(resumeFrom)
                : _workflows.Values
                    .Select(e => new WatchEvent(WatchEvent.Added, e.Snapshot, null, ResourceJson.ResourceVersion(e.Snapshot)))
                    .OrderBy(e => e.ResourceVersion);
            foreach (var watchEvent in backlog.Where(e => InNamespace(e, @namespace)))
            {
                subscription.Publish(watchEvent);
            }

            _watchers.Add(subscription);
            return subscription;
        }
    }

    /// <summary>Ends every open watch; each stream then sends the in-band "watch closed" error.</summary>
    public void CloseWatches()
    {
        lock (_gate)
        {
            foreach (var watcher in _watchers)
            {
                watcher.Close();
            }
        }
    }

    private void Publish(WatchEvent watchEvent)
    {
        _ring.Add(watchEvent);
        foreach (var watcher in _watchers.Where(w => InNamespace(watchEvent, w.Namespace)))
        {
            watcher.Publish(watchEvent);
        }
    }

    private void Unsubscribe(WatchSubscription subscription)
    {
        lock (_gate)
        {
            _watchers.Remove(subscription);
        }
    }

    private static bool InNamespace(WatchEvent watchEvent, string @namespace) =>
        ResourceJson.Namespace(watchEvent.Object) == @namespace;
}
