namespace Agent.Core.Protocol.Messages;

/// <summary>Describes where runs execute.</summary>
internal sealed record ExecutorInfo(string Kind, string Namespace, string? ArgoVersion = null);
