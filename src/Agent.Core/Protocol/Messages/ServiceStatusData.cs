namespace Agent.Core.Protocol.Messages;

internal sealed record ServiceStatusData(int Code, string Platform, string Version);
