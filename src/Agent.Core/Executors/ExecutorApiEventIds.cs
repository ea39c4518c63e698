namespace Agent.Core.Executors;

/// <summary>The event ids of one executor API's circuit breaker lines (<see cref="AgentEventIds"/>).</summary>
internal sealed record ExecutorApiEventIds(int Paused, int StillPaused, int Resumed);
