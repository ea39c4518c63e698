using System.Diagnostics.CodeAnalysis;

namespace Agent.Core.Protocol;

/// <summary>Either a message or the reason the frame is not one; decoding never throws.</summary>
internal readonly record struct DecodeResult(Envelope? Message, ProtocolError? Error)
{
    [MemberNotNullWhen(true, nameof(Message))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Message is not null;

    public static DecodeResult Success(Envelope message) => new(message, null);

    public static DecodeResult Failure(string reason, string? id = null) => new(null, new ProtocolError(reason, id));
}
