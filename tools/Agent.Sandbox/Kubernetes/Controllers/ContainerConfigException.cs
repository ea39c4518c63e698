namespace Agent.Sandbox.Kubernetes.Controllers;

/// <summary>
/// Why the kubelet cannot build a container's config (K8S pkg/kubelet/kubelet_pods.go makeEnvironmentVariables):
/// the container stays waiting with reason <c>CreateContainerConfigError</c> and this message, and is retried.
/// </summary>
internal sealed class ContainerConfigException(string message) : Exception(message);
