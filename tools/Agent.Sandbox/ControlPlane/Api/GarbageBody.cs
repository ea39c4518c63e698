namespace Agent.Sandbox.ControlPlane.Api;

/// <summary>Body of <c>/garbage</c>: a text frame with <see cref="Text"/>, or <see cref="BinaryBytes"/> random bytes as a binary frame.</summary>
internal sealed record GarbageBody(string? Text, int? BinaryBytes);
