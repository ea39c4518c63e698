namespace Agent.Sandbox.Argo.Faults;

/// <summary>Body of <c>GET /sandbox/argo/faults</c>.</summary>
internal sealed record FaultsView(ArgoFaultOptions Settings, InjectedFaultCounts Injected);
