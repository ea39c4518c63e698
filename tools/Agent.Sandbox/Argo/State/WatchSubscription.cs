using System.Threading.Channels;

namespace Agent.Sandbox.Argo.State;

/// <summary>
/// One open watch on a namespace. The store writes events in resourceVersion order; completing the channel
/// (<see cref="Close"/>) tells the stream to end with the "watch closed" error, as a k8s watch expiry does.
/// </summary>
internal sealed class WatchSubscription(string @namespace, Action<WatchSubscription> unsubscribe) : IDisposable
{
    // Unbounded so a slow client never blocks the store's lock; the sandbox's volumes keep this small.
    private readonly Channel<WatchEvent> _channel =
        Channel.CreateUnbounded<WatchEvent>(new UnboundedChannelOptions { SingleReader = true });

    public string Namespace { get; } = @namespace;

    public ChannelReader<WatchEvent> Events => _channel.Reader;

    public void Publish(WatchEvent watchEvent) => _channel.Writer.TryWrite(watchEvent);

    public void Close() => _channel.Writer.TryComplete();

    public void Dispose()
    {
        unsubscribe(this);
        Close();
    }
}
