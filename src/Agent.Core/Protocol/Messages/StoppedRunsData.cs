namespace Agent.Core.Protocol.Messages;

/// <summary><c>data</c> of <c>pipeline.kill</c> and <c>pipeline.killRun</c>: the runs asked to stop.</summary>
internal sealed record StoppedRunsData(IReadOnlyList<string> Stopped);
