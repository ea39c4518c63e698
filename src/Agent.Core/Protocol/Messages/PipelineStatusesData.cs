namespace Agent.Core.Protocol.Messages;

public sealed record PipelineStatusesData(IReadOnlyList<RunStatusPayload> Statuses);
