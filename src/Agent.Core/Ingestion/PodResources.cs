namespace Agent.Core.Ingestion;

/// <summary>CPU and memory requests and limits, as Kubernetes quantities (e.g. <c>500m</c>, <c>512Mi</c>).</summary>
public sealed class PodResources
{
    public string? CpuLimit { get; set; }

    public string? MemoryLimit { get; set; }

    public string? CpuRequest { get; set; }

    public string? MemoryRequest { get; set; }
}
