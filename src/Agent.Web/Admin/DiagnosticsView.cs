namespace Agent.Web.Admin;

/// <summary>
/// What support asks for first: versions, the executor chosen (<c>argo</c> or <c>simpleK8s</c>), the configuration in
/// effect (secrets redacted) and whether its backend answers: <see cref="Argo"/> or <see cref="Kubernetes"/>, the other null.
/// </summary>
internal sealed record DiagnosticsView(
    string AgentVersion,
    string Runtime,
    string OperatingSystem,
    DateTimeOffset StartedAt,
    string Executor,
    IReadOnlyList<ConfigurationEntry> Configuration,
    ArgoCheck? Argo,
    KubernetesCheck? Kubernetes);
