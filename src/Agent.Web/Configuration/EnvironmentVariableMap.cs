namespace Agent.Web.Configuration;

/// <summary>
/// The environment variables the agent accepts: those of the seed product page and of the public Helm chart,
/// so existing deployments work unchanged. Also the source for redaction and the configuration reference.
/// </summary>
internal static class EnvironmentVariableMap
{
    public static IReadOnlyList<EnvironmentVariable> All { get; } =
    [
        new(["AGENT_ID"], "ControlPlane:AgentId", false, "Unique id of this agent"),
        new(["SERVER_URL"], "ControlPlane:ServerUrl", false, "Control-plane WebSocket URL (wss://host[:port][/path])"),
        new(["AUTH_TOKEN"], "ControlPlane:AuthToken", true, "Control-plane access token"),
        new(["RECONNECT_DELAY_SECONDS"], "ControlPlane:ReconnectDelaySeconds", false, "Longest wait between reconnect attempts"),
        new(["ALLOW_INSECURE_WEBSOCKET"], "ControlPlane:AllowInsecureWebSocket", false, "Allow ws:// to a host that is not loopback (a private host needs only the chart's SERVER_HOST_API_URL=http://)"),
        new(["SHUTDOWN_GRACE_SECONDS"], "ControlPlane:ShutdownGraceSeconds", false, "On SIGTERM, time to finish in-flight operations and flush the outbox"),
        new(["SERVER_CA_BUNDLE_PATH"], "ControlPlane:CaBundlePath", false, "PEM file of extra CA certificates trusted for wss://; re-read when it changes"),
        new(["SERVER_HOST_API_URL"], "ControlPlane:ServerHostApiUrl", false, "Control-plane REST API URL; http:// to the SERVER_URL host (chart useSecureProtocols: false) allows ws:// to a private host, with a warning"),
        new(["PIPELINE_SERVICE_CLIENT_ENDPOINT"], "Argo:Endpoint", false, "Argo Server URL; a bare host:port means http://, or https:// with ARGO_SERVER_CERTIFICATE_PATH or ARGO_INSECURE_SKIP_VERIFY"),
        new(["ARGO_TOKEN"], "Argo:Token", true, "Argo Server bearer token"),
        new(["ARGO_TOKEN_FILE"], "Argo:TokenFile", false, "File holding the Argo token, re-read when it changes"),
        new(["ARGO_SERVER_CERTIFICATE_PATH"], "Argo:ServerCertificatePath", false, "Certificate (or CA bundle) to trust for the Argo Server; re-read when it changes"),
        new(["ARGO_INSECURE_SKIP_VERIFY"], "Argo:InsecureSkipVerify", false, "Skip the Argo Server certificate check (logged as a warning)"),
        new(["ARGO_KILL_GRACE_SECONDS"], "Argo:KillGraceSeconds", false, "After a kill, seconds before a still-running workflow is terminated"),
        new(["INGESTION_NAMESPACE", "ARGO_NAMESPACE"], "Argo:Namespace", false, "Namespace of the ingestion workflows"),
        new(["ARGO_SECONDS_AFTER_COMPLETION_TTL"], "Argo:SecondsAfterCompletionTtl", false, "Seconds a finished workflow is kept"),
        new(["ARGO_INGESTION_IMAGE", "INGESTION_IMAGE"], "Ingestion:Image", false, "Ingestion container image"),
        new(["ARGO_EXTRA_ENVS_NOOP", "ARGO_EXTRA_ENVS", "INGESTION_EXTRA_ENVS"], "Ingestion:ExtraEnvs", true, "Extra env for ingestion pods: [KEY:value, KEY2:value2]"),
        new(["INGESTION_SERVICE_ACCOUNT_NAME"], "Ingestion:ServiceAccountName", false, "Service account of ingestion pods"),
        new(["ARGO_WORKFLOW_EXECUTOR_SERVICE_ACCOUNT_NAME"], "Ingestion:ExecutorServiceAccountName", false, "Service account whose token Argo's executor uses (spec.executor.serviceAccountName); needed when INGESTION_AUTOMOUNT_SA_TOKEN is false, where INGESTION_SERVICE_ACCOUNT_NAME stands in for it"),
        new(["DYNAMIC_INGESTION_VERSION_ENABLED"], "Ingestion:DynamicVersion", false, "true or false: with true, the ingestion image tag follows the OpenMetadata server version the control plane announces in welcome.serverVersion"),
        new(["INGESTION_IMAGE_PULL_SECRETS", "ARGO_IMAGE_PULL_SECRETS"], "Ingestion:ImagePullSecrets", false, "Comma-separated image pull secret names"),
        new(["INGESTION_AUTOMOUNT_SA_TOKEN", "ARGO_AUTOMOUNT_SA_TOKEN"], "Ingestion:AutomountServiceAccountToken", false, "Mount the service-account token in ingestion pods"),
        new(["INGESTION_CPU_LIMIT", "ARGO_WORKFLOW_CPU_LIMIT"], "Ingestion:Resources:CpuLimit", false, "CPU limit of ingestion pods"),
        new(["INGESTION_MEMORY_LIMIT", "ARGO_WORKFLOW_MEMORY_LIMIT"], "Ingestion:Resources:MemoryLimit", false, "Memory limit of ingestion pods"),
        new(["INGESTION_CPU_REQUEST", "ARGO_WORKFLOW_CPU_REQUEST"], "Ingestion:Resources:CpuRequest", false, "CPU request of ingestion pods"),
        new(["INGESTION_MEMORY_REQUEST", "ARGO_WORKFLOW_MEMORY_REQUEST"], "Ingestion:Resources:MemoryRequest", false, "Memory request of ingestion pods"),
        new(["INGESTION_AUTOMATION_WORKFLOW_CPU_LIMIT", "ARGO_AUTOMATION_WORKFLOW_CPU_LIMIT"], "Ingestion:AutomationResources:CpuLimit", false, "CPU limit of automation pods"),
        new(["INGESTION_AUTOMATION_WORKFLOW_MEMORY_LIMIT", "ARGO_AUTOMATION_WORKFLOW_MEMORY_LIMIT"], "Ingestion:AutomationResources:MemoryLimit", false, "Memory limit of automation pods"),
        new(["INGESTION_AUTOMATION_WORKFLOW_CPU_REQUEST", "ARGO_AUTOMATION_WORKFLOW_CPU_REQUEST"], "Ingestion:AutomationResources:CpuRequest", false, "CPU request of automation pods"),
        new(["INGESTION_AUTOMATION_WORKFLOW_MEMORY_REQUEST", "ARGO_AUTOMATION_WORKFLOW_MEMORY_REQUEST"], "Ingestion:AutomationResources:MemoryRequest", false, "Memory request of automation pods"),
        new(["ARGO_INGESTION_CONTAINER_SPEC_FILE_PATH"], "Ingestion:ContainerSpecFilePath", false, "YAML merged into every ingestion container"),
        new(["ARGO_INGESTION_WORKFLOW_SPEC_FILE_PATH"], "Ingestion:WorkflowSpecFilePath", false, "YAML merged into every workflow spec"),
        new(["INGESTION_CUSTOMER_TOLERATION", "ARGO_WORKFLOW_CUSTOMER_TOLERATION"], "Ingestion:LegacyCustomerToleration", false, "Legacy (chart ≤ 1.9): refused at start; put tolerations in ARGO_INGESTION_WORKFLOW_SPEC_FILE_PATH"),
        new(["ARGO_PIPELINE_TYPE_CONFIGS", "SIMPLEK8S_PIPELINE_TYPE_CONFIGS"], "Ingestion:PipelineTypeConfigs", false, "JSON of per-pipeline-type pod settings"),
        new(["AGENT_POLICY_FILE"], "Ingestion:PolicyFilePath", false, "YAML allow-list of pipeline types and images"),
        new(["ARGO_AUTOMATION_TTL_SECONDS"], "Argo:AutomationTtlSeconds", false, "Seconds a finished automation workflow is kept"),
        new(["METRICS_SERVER_PORT"], "Server:MetricsPort", false, "Infra port: metrics, /health, /ready"),
        new(["METRICS_SERVER_PATH"], "Server:MetricsPath", false, "Path of the Prometheus metrics"),
        new(["METRICS_SERVER_HOST"], "Server:InfraHost", false, "Address the infra port binds (default all interfaces)"),
        new(["ADMIN_SERVER_PORT"], "Server:AdminPort", false, "Admin API and Swagger UI port"),
        new(["ADMIN_SERVER_HOST"], "Server:AdminHost", false, "Address the admin port binds (default 127.0.0.1, or 0.0.0.0 with an API key); an address other than loopback requires a key"),
        new(["ADMIN_API_KEY"], "Server:AdminApiKey", true, "API key for the admin API and Swagger (Authorization: Bearer), at least 16 bytes"),
        new(["ADMIN_API_KEY_FILE"], "Server:AdminApiKeyFile", false, "File holding the admin API key (at least 16 bytes), re-read when it changes"),
        new(["LOG_FORMAT"], "Logging:Format", false, "Console log format: text or json"),
        new(["SECRETS_MANAGER"], "Ingestion:SecretsManager", false, "Secrets manager written into every run's config, so secret: references resolve there (kubernetes, managed-aws, aws, …)"),

        // Tuning knobs: no variable of their own, so the .NET spelling Section__Property, which the host reads anyway.
        // Listed so that a start-up error and the diagnostics name them as an operator sets them.
        new(["ControlPlane__HandshakeTimeout"], "ControlPlane:HandshakeTimeout", false, "Time allowed for welcome after hello"),
        new(["ControlPlane__MaxMessageBytes"], "ControlPlane:MaxMessageBytes", false, "Largest frame accepted or sent"),
        new(["ControlPlane__KeepAliveInterval"], "ControlPlane:KeepAliveInterval", false, "WebSocket ping interval"),
        new(["ControlPlane__KeepAliveTimeout"], "ControlPlane:KeepAliveTimeout", false, "A pong must arrive within this, else the link is dropped"),
        new(["ControlPlane__MaxIdLength"], "ControlPlane:MaxIdLength", false, "Longest id or replyTo read from the control plane"),
        new(["ControlPlane__MaxConcurrentOperations"], "ControlPlane:MaxConcurrentOperations", false, "Operations executing at once; past it requests are answered 429"),
        new(["ControlPlane__OutboxCapacity"], "ControlPlane:OutboxCapacity", false, "Unacknowledged reliable messages kept"),
        new(["ControlPlane__MaxRepliesWaitingForOutbox"], "ControlPlane:MaxRepliesWaitingForOutbox", false, "Answers that may wait for room in a full outbox"),
        new(["ControlPlane__ResultCacheMaxEntries"], "ControlPlane:ResultCacheMaxEntries", false, "Answers kept for duplicate requests"),
        new(["ControlPlane__ResultCacheMaxBytes"], "ControlPlane:ResultCacheMaxBytes", false, "Estimated bytes of answers kept for duplicate requests"),
        new(["Argo__AttemptTimeout"], "Argo:AttemptTimeout", false, "Time allowed for one Argo call attempt"),
        new(["Argo__PollInterval"], "Argo:PollInterval", false, "How often runs are listed while the watch stream is unavailable"),
        new(["Argo__WatchIdleTimeout"], "Argo:WatchIdleTimeout", false, "A watch stream silent this long is treated as dead"),
        new(["Argo__RecoveryWindow"], "Argo:RecoveryWindow", false, "At start, runs that finished this long before are reported once more"),

        // Set by the public Helm chart for its own agent; accepted so existing deployments start, with no effect here.
        new(["INGESTION_DISABLE_VERSION_VALIDATION", "ARGO_DISABLE_VERSION_VALIDATION"], "Compatibility:DisableVersionValidation", false, "Accepted for chart compatibility; no effect"),
        new(["ARGO_TEST_CONNECTION_BACKOFF_TIME"], "Compatibility:TestConnectionBackoffTime", false, "Accepted for chart compatibility; no effect"),
        new(["EXECUTOR_TYPE"], "Compatibility:ExecutorType", false, "Accepted for chart compatibility; only Argo is supported"),
    ];
}
