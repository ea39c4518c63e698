namespace Agent.Core.Protocol.Messages;

internal sealed record HeartbeatPayload(int InFlightRuns, int OutboxDepth, long UptimeSeconds);
