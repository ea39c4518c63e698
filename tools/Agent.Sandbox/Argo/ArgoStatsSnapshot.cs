namespace Agent.Sandbox.Argo;

/// <summary>Body of <c>GET /sandbox/argo/stats</c>.</summary>
internal sealed record ArgoStatsSnapshot(IReadOnlyDictionary<string, long> Requests, int OpenWatches, int Workflows);
