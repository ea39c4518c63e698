namespace Agent.Core.Ingestion;

/// <summary>CPU and memory requests and limits, as Kubernetes quantities (e.g. <c>500m</c>, <c>512Mi</c>).</summary>
internal sealed class PodResources
{
    [KubernetesQuantity]
    public string? CpuLimit { get; set; }

    [KubernetesQuantity]
    public string? MemoryLimit { get; set; }

    [KubernetesQuantity]
    public string? CpuRequest { get; set; }

    [KubernetesQuantity]
    public string? MemoryRequest { get; set; }
}
