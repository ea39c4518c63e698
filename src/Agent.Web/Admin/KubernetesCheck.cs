namespace Agent.Web.Admin;

/// <summary>With <c>EXECUTOR_TYPE=simpleK8s</c>: whether the Kubernetes API server answered the executor, and its version.</summary>
internal sealed record KubernetesCheck(string ApiServer, string Namespace, bool Reachable, string? Version, string? Problem);
