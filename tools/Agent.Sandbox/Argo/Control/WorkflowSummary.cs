namespace Agent.Sandbox.Argo.Control;

/// <summary>One row of <c>GET /sandbox/argo/workflows</c>.</summary>
internal sealed record WorkflowSummary(
    string Name, string Namespace, string Phase, string ResourceVersion, IReadOnlyDictionary<string, string> Labels);
