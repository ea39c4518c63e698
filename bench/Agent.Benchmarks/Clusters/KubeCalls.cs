using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace Agent.Benchmarks.Clusters;

/// <summary>
/// Counts the calls the agent makes to the sandbox's Kubernetes API emulator per <c>"METHOD /route/template"</c>, a
/// watch apart from a list of the same route. The Argo emulator counts its own calls; this one does not, so the
/// benchmark counts them in a middleware of its sandbox: every route tagged as the Kubernetes API, at request start.
/// </summary>
internal sealed class KubeCalls
{
    /// <summary>The tag the emulator puts on its apiserver routes (and not on its /sandbox/kubernetes control routes).</summary>
    public const string ApiTag = "Kubernetes API";

    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public void Attach(WebApplication app) => app.Use(CountAsync);

    public IReadOnlyDictionary<string, long> Snapshot() => new SortedDictionary<string, long>(_counts, StringComparer.Ordinal);

    private Task CountAsync(HttpContext context, RequestDelegate next)
    {
        if (context.GetEndpoint() is RouteEndpoint endpoint && endpoint.Metadata.GetMetadata<ITagsMetadata>()?.Tags.Contains(ApiTag) == true)
        {
            var watch = context.Request.Query["watch"] is var value && (value == "true" || value == "1") ? " (watch)" : "";
            _counts.AddOrUpdate($"{context.Request.Method} {endpoint.RoutePattern.RawText}{watch}", 1, (_, count) => count + 1);
        }

        return next(context);
    }
}
