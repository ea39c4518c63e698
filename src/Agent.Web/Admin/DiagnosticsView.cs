namespace Agent.Web.Admin;

/// <summary>What support asks for first: versions, the configuration in effect (secrets redacted) and whether Argo answers.</summary>
internal sealed record DiagnosticsView(
    string AgentVersion,
    string Runtime,
    string OperatingSystem,
    DateTimeOffset StartedAt,
    IReadOnlyList<ConfigurationEntry> Configuration,
    ArgoCheck Argo);
