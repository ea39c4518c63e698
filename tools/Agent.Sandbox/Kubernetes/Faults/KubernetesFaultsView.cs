namespace Agent.Sandbox.Kubernetes.Faults;

/// <summary>Body of <c>GET /sandbox/kubernetes/faults</c>.</summary>
internal sealed record KubernetesFaultsView(KubernetesFaultOptions Settings, KubernetesFaultCounts Injected);
