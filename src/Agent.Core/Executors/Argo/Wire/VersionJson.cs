namespace Agent.Core.Executors.Argo.Wire;

/// <summary>The field of <c>/api/v1/version</c> the agent reads, e.g. <c>v4.1.2</c>.</summary>
internal sealed record VersionJson(string? Version);
