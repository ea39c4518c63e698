using System.Collections.Concurrent;

namespace Agent.Sandbox.Argo;

/// <summary>Counts Argo API calls per <c>"METHOD /route/template"</c>, so benchmarks can measure the agent's call rate.</summary>
internal sealed class ArgoRequestStats
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public void Count(string method, string routeTemplate) =>
        _counts.AddOrUpdate($"{method} {routeTemplate}", 1, (_, count) => count + 1);

    public SortedDictionary<string, long> Snapshot() => new(_counts, StringComparer.Ordinal);
}
