using System.ComponentModel.DataAnnotations;

namespace Agent.Core.Executors.Argo;

/// <summary>How the agent reaches the Argo Server. Bound from section <c>Argo</c>.</summary>
internal sealed class ArgoOptions
{
    public const string SectionName = "Argo";

    /// <summary>Argo Server URL (<c>PIPELINE_SERVICE_CLIENT_ENDPOINT</c>), e.g. <c>https://argo-server.argo.svc:2746</c>.</summary>
    [Required(ErrorMessage = "PIPELINE_SERVICE_CLIENT_ENDPOINT is required: the Argo Server URL, e.g. https://argo-server.argo:2746")]
    public string Endpoint { get; set; } = string.Empty;

    /// <summary>Where Kubernetes mounts a pod's own service-account token when it is automounted.</summary>
    public const string ServiceAccountTokenPath = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    /// <summary>Bearer token for the Argo Server (<c>ARGO_TOKEN</c>). When empty, <see cref="EffectiveTokenFile"/> is read.</summary>
    public string? Token { get; set; }

    /// <summary>
    /// File holding the token (<c>ARGO_TOKEN_FILE</c>), re-read when it changes, e.g. a projected service-account
    /// token. Once set it must exist at start (<see cref="ArgoOptionsRules"/>); unset, the automounted token is tried.
    /// </summary>
    public string? TokenFile { get; set; }

    /// <summary>The file read for the token: <see cref="TokenFile"/>, else <see cref="ServiceAccountTokenPath"/>.</summary>
    public string EffectiveTokenFile => string.IsNullOrWhiteSpace(TokenFile) ? ServiceAccountTokenPath : TokenFile;

    /// <summary>Certificate (PEM or DER) to trust for the Argo Server (<c>ARGO_SERVER_CERTIFICATE_PATH</c>), e.g. its self-signed one.</summary>
    public string? ServerCertificatePath { get; set; }

    /// <summary>Namespace of the ingestion workflows (<c>INGESTION_NAMESPACE</c>).</summary>
    [Required(ErrorMessage = "INGESTION_NAMESPACE must not be empty")]
    [RegularExpression("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", ErrorMessage = "INGESTION_NAMESPACE must be a Kubernetes namespace name (lowercase letters, digits, '-')")]
    public string Namespace { get; set; } = "default";

    /// <summary>Seconds a finished workflow is kept (<c>ARGO_SECONDS_AFTER_COMPLETION_TTL</c>); one week by default.</summary>
    [Range(0, int.MaxValue, ErrorMessage = "ARGO_SECONDS_AFTER_COMPLETION_TTL must be a non-negative number of seconds")]
    public int SecondsAfterCompletionTtl { get; set; } = 7 * 24 * 3600;

    /// <summary>After a kill, how long a stopped workflow may take to finish before it is terminated (<c>ARGO_KILL_GRACE_SECONDS</c>).</summary>
    [Range(0, 86400, ErrorMessage = "ARGO_KILL_GRACE_SECONDS must be between 0 and 86400")]
    public int KillGraceSeconds { get; set; } = 60;

    /// <summary>Skips verification of the Argo Server's certificate (<c>ARGO_INSECURE_SKIP_VERIFY</c>); logged as a warning at start.</summary>
    public bool InsecureSkipVerify { get; set; }

    /// <summary>
    /// At start, runs that finished up to this long before the agent started are reported once more, unasked, so a
    /// restart loses no final status. Older ones a control plane that missed them gets with <c>runs.reconcile</c>
    /// (protocol §7.1), for as long as Argo keeps the workflows.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00", ErrorMessage = "Argo:RecoveryWindow must be between 0 and 7 days")]
    public TimeSpan RecoveryWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Seconds a finished automation (test connection) workflow is kept: short, they are many and small.</summary>
    [Range(0, int.MaxValue, ErrorMessage = "Argo:AutomationTtlSeconds must be a non-negative number of seconds")]
    public int AutomationTtlSeconds { get; set; } = 3600;

    /// <summary>Time allowed for one Argo call attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "Argo:AttemptTimeout must be between 1 s and 10 minutes")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often runs are re-listed when the watch stream is unavailable.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00", ErrorMessage = "Argo:PollInterval must be between 100 ms and 10 minutes")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A watch stream silent for this long is treated as dead (the server sends keep-alives every 15 s).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Argo:WatchIdleTimeout must be between 1 s and 1 hour")]
    public TimeSpan WatchIdleTimeout { get; set; } = TimeSpan.FromSeconds(45);
}
