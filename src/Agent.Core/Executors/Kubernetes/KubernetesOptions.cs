namespace Agent.Core.Executors.Kubernetes;

/// <summary>
/// The Kubernetes Jobs executor (<c>EXECUTOR_TYPE=simpleK8s</c>), bound from the <c>Kubernetes</c> section. Skeleton:
/// the executor slice fills in the members and their rules. The image, resources and extra env are the ingestion
/// options both executors share.
/// </summary>
internal sealed class KubernetesOptions
{
    public const string SectionName = "Kubernetes";

    /// <summary>The API server; empty means in-cluster configuration (the pod's service account).</summary>
    public string? ApiUrl { get; set; }

    /// <summary>The bearer token file; empty means the service account's projected token.</summary>
    public string? TokenFile { get; set; }

    /// <summary>Where Jobs, CronJobs and config Secrets live (the chart's <c>INGESTION_NAMESPACE</c>).</summary>
    public string Namespace { get; set; } = "default";
}
