using System.Threading.Channels;
using Agent.Sandbox.Argo.Query;
using Agent.Sandbox.Argo.State;
using Agent.Sandbox.Kubernetes.Json;

namespace Agent.Sandbox.Kubernetes.State;

/// <summary>
/// One open watch: a kind, a namespace and a label selector. The store writes matching events in resourceVersion
/// order, and bookmarks to every watch that asked for them; <see cref="Close"/> ends the stream.
/// </summary>
internal sealed class KubeWatch(KubeKind kind, string @namespace, LabelSelector selector, bool bookmarks, Action<KubeWatch> unsubscribe) : IDisposable
{
    public const string Bookmark = "BOOKMARK";

    private readonly Channel<WatchEvent> _channel = Channel.CreateUnbounded<WatchEvent>(new UnboundedChannelOptions { SingleReader = true });

    public KubeKind Kind { get; } = kind;

    public bool WantsBookmarks { get; } = bookmarks;

    public ChannelReader<WatchEvent> Events => _channel.Reader;

    public bool Matches(KubeKind kind, WatchEvent watchEvent) =>
        kind == Kind && KubeJson.Namespace(watchEvent.Object) == @namespace && selector.Matches(KubeJson.Labels(watchEvent.Object));

    public void Publish(WatchEvent watchEvent) => _channel.Writer.TryWrite(watchEvent);

    public void Close() => _channel.Writer.TryComplete();

    public void Dispose()
    {
        unsubscribe(this);
        Close();
    }
}
