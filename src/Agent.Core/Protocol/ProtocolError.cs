namespace Agent.Core.Protocol;

/// <summary>Why a frame could not be decoded; sent back to the peer as an <c>error</c> message.</summary>
/// <param name="Reason">Human-readable reason naming what is wrong.</param>
/// <param name="Id">The frame's <c>id</c> when it could be read, so the peer can correlate.</param>
internal sealed record ProtocolError(string Reason, string? Id = null);
