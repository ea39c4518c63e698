namespace Agent.Core.Protocol.Messages;

public sealed record HeartbeatPayload(int InFlightRuns, int OutboxDepth, long UptimeSeconds);
