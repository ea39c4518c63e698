using System.Text;

namespace Agent.Tests.Metrics;

/// <summary>A registry's Prometheus text exposition, as /metrics would serve it.</summary>
internal static class RegistryText
{
    public static async Task<string> ExpositionAsync(Prometheus.CollectorRegistry registry)
    {
        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
