namespace Agent.Core.Executors.Kubernetes;

/// <summary>
/// The Kubernetes Jobs executor (<c>EXECUTOR_TYPE=simpleK8s</c>), bound from the <c>Kubernetes</c> section and checked
/// by <see cref="KubernetesOptionsValidator"/>. The image, resources and extra env are the ingestion options both
/// executors share. Defaults follow OpenMetadata's K8sPipelineClientConfig (research-16 §1.4, §1.8).
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

    /// <summary>The ingestion pods' service account (<c>INGESTION_SERVICE_ACCOUNT_NAME</c>); empty leaves the namespace default.</summary>
    public string? ServiceAccountName { get; set; }

    /// <summary>
    /// JSON object of per-pipeline-type pod spec settings (<c>SIMPLEK8S_PIPELINE_TYPE_CONFIGS</c>), e.g.
    /// <c>{"automation":{"priorityClassName":"high"}}</c>: merged into the pod spec of that type's runs.
    /// </summary>
    public string? PipelineTypeConfigs { get; set; }

    /// <summary>Failed pods a run may have before the Job fails: up to <c>BackoffLimit + 1</c> attempts (<c>restartPolicy: Never</c>).</summary>
    public int BackoffLimit { get; set; } = 3;

    /// <summary>A run still active after this long is failed by the Job controller (<c>DeadlineExceeded</c>).</summary>
    public long ActiveDeadlineSeconds { get; set; } = 7200;

    /// <summary>How long a finished Job (and with it its pods and config Secret) is kept: one week.</summary>
    public int TtlSecondsAfterFinished { get; set; } = 604800;

    /// <summary>
    /// How late a CronJob may start a missed schedule. Small and positive: 0 would let the controller start nothing at
    /// all, and unset would catch up on the last missed run (research-16 §1.8, §3.6).
    /// </summary>
    public long StartingDeadlineSeconds { get; set; } = 60;

    /// <summary>After a restart, runs that finished this long ago or less are reported again (as on the Argo path).</summary>
    public TimeSpan RecoveryWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The longest pause between failed watches; while the watch fails, the list before each new one carries status.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Time allowed for one API call attempt (retries come on top); watches are exempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The server ends each watch after this long (<c>timeoutSeconds</c>), so a silently dead connection is noticed.</summary>
    public int WatchTimeoutSeconds { get; set; } = 300;
}
