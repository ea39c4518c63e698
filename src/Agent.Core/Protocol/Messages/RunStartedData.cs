namespace Agent.Core.Protocol.Messages;

public sealed record RunStartedData(string RunId, string WorkflowName);
