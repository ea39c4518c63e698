using System.Collections.Concurrent;
using Agent.Core.Link;

namespace Agent.Tests.Link;

/// <summary>Keeps every server version a session hands on, in order.</summary>
internal sealed class RecordingServerVersionListener : IServerVersionListener
{
    private readonly ConcurrentQueue<string> _announced = new();

    public IReadOnlyCollection<string> Announced => _announced;

    public void ServerVersionAnnounced(string serverVersion) => _announced.Enqueue(serverVersion);
}
