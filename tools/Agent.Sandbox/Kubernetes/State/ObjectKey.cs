namespace Agent.Sandbox.Kubernetes.State;

/// <summary>Where an object lives: its type, namespace and name.</summary>
internal readonly record struct ObjectKey(KubeKind Kind, string Namespace, string Name);
