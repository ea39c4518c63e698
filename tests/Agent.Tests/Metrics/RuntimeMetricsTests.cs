using Agent.Core.Metrics;

namespace Agent.Tests.Metrics;

public class RuntimeMetricsTests
{
    [Fact]
    public async Task Register_Twice_ExportsEachRuntimeFamilyOnceWithTypeMatchingItsSuffix()
    {
        var registry = Prometheus.Metrics.NewCustomRegistry();

        RuntimeMetrics.Register(registry);
        RuntimeMetrics.Register(registry);
        var types = (await RegistryText.ExpositionAsync(registry))
            .Split('\n')
            .Where(line => line.StartsWith("# TYPE ", StringComparison.Ordinal))
            .Select(line => line.Split(' '))
            .Select(parts => (Name: parts[2], Type: parts[3]))
            .ToList();

        Assert.Equal(types.Count, types.Select(family => family.Name).Distinct().Count());
        Assert.Contains(("process_cpu_seconds_total", "counter"), types);
        Assert.Contains(("dotnet_gc_pause_seconds_total", "counter"), types);
        Assert.Contains(("dotnet_threadpool_queue_length", "gauge"), types);
        Assert.All(types, family => Assert.Equal(family.Type == "counter", family.Name.EndsWith("_total", StringComparison.Ordinal)));
        Assert.DoesNotContain(types, family => family.Name.EndsWith("_count", StringComparison.Ordinal));
    }
}
