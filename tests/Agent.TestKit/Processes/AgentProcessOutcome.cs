namespace Agent.TestKit.Processes;

/// <summary>How an agent process that ran to its end ended: its exit code and its non-empty console lines.</summary>
internal sealed record AgentProcessOutcome(int ExitCode, IReadOnlyList<string> Lines);
