using Agent.Core.Executors.Argo;

namespace Agent.Tests.Argo;

public sealed class MainPodTests
{
    [Fact]
    public void Latest_RetriedRunWithExitHandler_IsTheHighestAttempt()
    {
        var workflow = Workflow(
            Node("wf", "Retry", "ingestion", "Running"),
            Node("wf(1)", "Pod", "ingestion", "Failed"),
            Node("wf.onExit", "Pod", "exit-handler", "Running"),
            Node("wf(10)", "Pod", "ingestion", "Running"),
            Node("wf(2)", "Pod", "ingestion", "Failed"));

        Assert.Equal("wf(10)", MainPod.Latest(workflow)?.Name);
    }

    [Fact]
    public void Latest_OnlyTheExitHandlerHasAPod_IsNull()
    {
        Assert.Null(MainPod.Latest(Workflow(Node("wf.onExit", "Pod", "exit-handler", "Running"))));
    }

    [Theory]
    [InlineData("Pending", false)]
    [InlineData("", false)]
    [InlineData("Running", true)]
    [InlineData("Failed", true)]
    public void HasStarted_SingleAttempt_FollowsItsPhase(string phase, bool started)
    {
        Assert.Equal(started, MainPod.HasStarted(Workflow(Node("wf", "Pod", "ingestion", phase))));
    }

    [Fact]
    public void HasStarted_NextAttemptPendingAfterOneRan_IsTrue()
    {
        Assert.True(MainPod.HasStarted(Workflow(Node("wf(0)", "Pod", "ingestion", "Failed"), Node("wf(1)", "Pod", "ingestion", "Pending"))));
    }

    private static ArgoWorkflow Workflow(params WorkflowNode[] nodes) =>
        new("wf", "ns", new Dictionary<string, string>(), new Dictionary<string, string>(), "Running", null, null, null, null, null, null) { Nodes = nodes };

    private static WorkflowNode Node(string name, string type, string template, string phase) => new(name + "-id", name, type, template, phase, null);
}
