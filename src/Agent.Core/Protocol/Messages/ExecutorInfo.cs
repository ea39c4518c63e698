namespace Agent.Core.Protocol.Messages;

/// <summary>
/// Describes where runs execute: <c>argo</c> with the Argo Server's version, or <c>simpleK8s</c> with the Kubernetes API
/// server's; each version goes under its own name, so a control plane comparing Argo versions never reads a Kubernetes one.
/// </summary>
internal sealed record ExecutorInfo(string Kind, string Namespace, string? ArgoVersion = null, string? KubernetesVersion = null)
{
    /// <summary>The hello's executor for <paramref name="kind"/>, its backend's <paramref name="version"/> under that backend's name.</summary>
    public static ExecutorInfo For(string kind, string @namespace, string? version) => kind == "argo"
        ? new ExecutorInfo(kind, @namespace, ArgoVersion: version)
        : new ExecutorInfo(kind, @namespace, KubernetesVersion: version);
}
