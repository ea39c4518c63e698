namespace Agent.Core.Protocol.Messages;

public sealed record ServiceStatusData(int Code, string Platform, string Version);
