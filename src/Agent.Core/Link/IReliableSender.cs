using System.Text.Json;
using Agent.Core.Protocol;

namespace Agent.Core.Link;

/// <summary>
/// Sends a message that must reach the control plane (<c>result</c>, <c>run.status</c>): it is held, and resent after a
/// reconnect, until acknowledged (protocol §4). What producers see of <see cref="ReliableOutbox"/>.
/// </summary>
internal interface IReliableSender
{
    /// <summary>The highest seq the control plane has acknowledged.</summary>
    long AckedSeq { get; }

    /// <summary>Appends a message, waiting while the outbox is full; returns it with its <c>seq</c>.</summary>
    ValueTask<Envelope> EnqueueAsync(string type, JsonElement payload, string? replyTo, CancellationToken cancellationToken);

    /// <summary>
    /// Appends a message and writes its <c>seq</c> into <paramref name="receipt"/> before any sender can see it: the
    /// message may be sent and acknowledged before this call returns, and whoever holds the receipt can tell.
    /// </summary>
    ValueTask<Envelope> EnqueueAsync(string type, JsonElement payload, string? replyTo, OutboxReceipt receipt, CancellationToken cancellationToken);
}
