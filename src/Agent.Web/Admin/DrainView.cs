namespace Agent.Web.Admin;

/// <summary>Whether the agent takes new work; <see cref="DrainingSince"/> is when it stopped, null while it takes work.</summary>
internal sealed record DrainView(bool Draining, DateTimeOffset? DrainingSince, int InFlightOperations);
