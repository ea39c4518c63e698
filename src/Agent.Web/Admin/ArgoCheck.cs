namespace Agent.Web.Admin;

/// <summary>Whether the Argo Server answered, its version, and whether the token may list workflows in the namespace.</summary>
internal sealed record ArgoCheck(string Endpoint, string Namespace, bool Reachable, string? Version, bool CanListWorkflows, string? Problem);
