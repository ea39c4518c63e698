using Agent.Sandbox.Argo;

namespace Agent.IntegrationTests.ControlPlane;

/// <summary>What the Argo emulator saw: workflow create calls (409 replays included) and workflows per run id.</summary>
internal static class ArgoCounts
{
    private const string CreateRoute = "POST /api/v1/workflows/{namespace}";

    public static long CreateCalls(ArgoEmulator argo) =>
        argo.GetStats().Requests.TryGetValue(CreateRoute, out var count) ? count : 0;

    /// <summary>Workflows grouped by the run id label the agent puts on them.</summary>
    public static Dictionary<string, int> WorkflowsPerRun(ArgoEmulator argo) =>
        argo.ListWorkflows()
            .GroupBy(workflow => (string?)workflow["metadata"]?["labels"]?["hybrid-agent/run-id"] ?? string.Empty, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
}
