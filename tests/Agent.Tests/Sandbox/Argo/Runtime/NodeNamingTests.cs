using Agent.Sandbox.Argo.Lifecycle;

namespace Agent.Tests.Sandbox.Argo.Runtime;

/// <summary>FIDELITY §1.3: node IDs and v2 pod names from FNV-1a 32 of the node name, in decimal.</summary>
public class NodeNamingTests
{
    [Fact]
    public void PodName_RootNode_IsTheWorkflowName() => Assert.Equal("wf", NodeNaming.PodName("wf", "wf", "main"));

    [Fact]
    public void PodName_ExitNode_IsWorkflowTemplateAndHash() =>
        Assert.Equal("wf-exit-exit-handler-3053604046", NodeNaming.PodName("wf-exit", NodeNaming.OnExitNodeName("wf-exit"), "exit-handler"));

    [Fact]
    public void NodeId_RetryAttempt_IsWorkflowDashHash()
    {
        Assert.Equal("wf-retry", NodeNaming.NodeId("wf-retry", "wf-retry"));
        Assert.Equal("wf-retry-2155657978", NodeNaming.NodeId("wf-retry", NodeNaming.AttemptNodeName("wf-retry", 0)));
    }

    [Fact]
    public void PodName_LongPrefix_IsCutTo242Characters()
    {
        var podName = NodeNaming.PodName(new string('w', 63), "node", new string('t', 200));

        Assert.Equal(242, podName.LastIndexOf('-'));
    }
}
