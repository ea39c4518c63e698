using System.Net.WebSockets;
using System.Threading.Channels;
using Agent.Core.Link;

namespace Agent.Tests.Link;

/// <summary>
/// Stands in for the real dialler: records when (on the injected clock) each attempt is made and answers it with
/// the next scripted outcome; once the script is used up, every attempt fails as an unreachable server would.
/// </summary>
internal sealed class FakeControlPlaneConnector(TimeProvider time) : IControlPlaneConnector
{
    private readonly Channel<DateTimeOffset> _attempts = Channel.CreateUnbounded<DateTimeOffset>();
    private readonly Queue<Func<WebSocket>> _script = new();
    private readonly Lock _gate = new();

    /// <summary>Queues the outcome of a future attempt: return a socket, or throw.</summary>
    public void Then(Func<WebSocket> outcome)
    {
        lock (_gate)
        {
            _script.Enqueue(outcome);
        }
    }

    /// <summary>Queues a failed attempt, as when nothing listens at the server's address.</summary>
    public void ThenFail() => Then(static () => throw Unreachable());

    /// <summary>Waits for the next attempt and returns when it was made.</summary>
    public ValueTask<DateTimeOffset> NextAttemptAsync(CancellationToken cancellationToken) => _attempts.Reader.ReadAsync(cancellationToken);

    public Task<WebSocket> ConnectAsync(Uri uri, CancellationToken cancellationToken)
    {
        _attempts.Writer.TryWrite(time.GetUtcNow());
        Func<WebSocket>? outcome;
        lock (_gate)
        {
            _script.TryDequeue(out outcome);
        }

        return outcome is null
            ? Task.FromException<WebSocket>(Unreachable())
            : Task.FromResult(outcome());
    }

    private static WebSocketException Unreachable() => new(WebSocketError.Faulted, "connection refused (fake)");
}
