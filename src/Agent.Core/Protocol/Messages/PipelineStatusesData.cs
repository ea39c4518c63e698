namespace Agent.Core.Protocol.Messages;

internal sealed record PipelineStatusesData(IReadOnlyList<RunStatusPayload> Statuses);
