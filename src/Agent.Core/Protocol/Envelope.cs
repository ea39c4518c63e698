using System.Text.Json;

namespace Agent.Core.Protocol;

/// <summary>
/// One protocol message as it travels: the fixed envelope fields plus the still-encoded payload, which is
/// decoded into a typed record only by the code that handles that <see cref="Type"/>.
/// </summary>
internal sealed record Envelope(
    string Type,
    string Id,
    DateTimeOffset Ts,
    JsonElement Payload,
    long? Seq = null,
    string? ReplyTo = null);
