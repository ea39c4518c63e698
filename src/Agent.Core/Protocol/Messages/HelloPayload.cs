namespace Agent.Core.Protocol.Messages;

/// <summary>First message of every session (protocol §3).</summary>
internal sealed record HelloPayload(
    string AgentId,
    string InstanceId,
    string AgentVersion,
    IReadOnlyList<int> ProtocolVersions,
    IReadOnlyList<string> Capabilities,
    ExecutorInfo Executor,
    IReadOnlyList<RunStatusPayload> Inventory);
