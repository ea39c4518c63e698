namespace Agent.Core.Protocol.Messages;

internal sealed record RunStartedData(string RunId, string WorkflowName);
