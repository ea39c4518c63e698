using Agent.Core.Executors.Argo;
using Agent.Tests.Argo.Fakes;

namespace Agent.Tests.Argo;

/// <summary>The client asks Argo for <c>status.nodes</c> (Argo drops every field not asked for) and reads them.</summary>
public sealed class ArgoWorkflowClientNodesTests
{
    [Fact]
    public async Task ListWorkflowsAsync_WorkflowWithPendingMainPod_ReadsItsNodes()
    {
        var argo = new FakeArgoHttpHandler();
        argo.AddWorkflow(FakeArgo.Workflow("om-run-abc", "run-1", "Running", DateTimeOffset.UnixEpoch,
            FakeArgo.Node("om-run-abc", "Pod", "ingestion", "Pending", "ContainerCreating")));

        var page = await FakeArgo.Client(argo).ListWorkflowsAsync(OwnedRunSelectors.Pipeline(FakeArgo.AgentId, FakeArgo.PipelineFqn), CancellationToken.None);

        var node = Assert.Single(Assert.Single(page.Workflows).Nodes);
        Assert.Equal(new WorkflowNode("om-run-abc", "om-run-abc", "Pod", "ingestion", "Pending", "ContainerCreating"), node);
        Assert.Contains("items.status.nodes", Uri.UnescapeDataString(Assert.Single(argo.ListQueries)), StringComparison.Ordinal);
    }
}
