namespace Agent.Core.Protocol.Messages;

/// <summary>Describes where runs execute.</summary>
public sealed record ExecutorInfo(string Kind, string Namespace, string? ArgoVersion = null);
