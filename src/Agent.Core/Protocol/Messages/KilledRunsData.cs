namespace Agent.Core.Protocol.Messages;

/// <summary><c>data</c> of <c>pipeline.kill</c>: the runs asked to stop, and those that could not be, each with why.</summary>
internal sealed record KilledRunsData(IReadOnlyList<string> Stopped, IReadOnlyList<RunStopFailure> Failed);
