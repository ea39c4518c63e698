using Agent.Core.Executors.Argo;
using Agent.Core.Protocol.Messages;

namespace Agent.Tests.Argo;

public class WorkflowPhasesTests
{
    [Theory]
    [InlineData("", null, PipelineStates.Queued)]
    [InlineData("Pending", null, PipelineStates.Queued)]
    [InlineData("Running", null, PipelineStates.Running)]
    [InlineData("Succeeded", null, PipelineStates.Success)]
    [InlineData("Failed", null, PipelineStates.Failed)]
    [InlineData("Error", null, PipelineStates.Failed)]
    [InlineData("Failed", "Stop", PipelineStates.Stopped)]
    [InlineData("Error", "Terminate", PipelineStates.Stopped)]
    [InlineData("Failed", "", PipelineStates.Failed)]
    [InlineData("Succeeded", "Stop", PipelineStates.Success)]
    [InlineData("Running", "Stop", PipelineStates.Running)]
    public void ToPipelineState_Phase_MapsToOpenMetadataState(string phase, string? shutdown, string expected)
    {
        // Past Pending, the main pod has started: its node carries the workflow's phase.
        List<WorkflowNode> nodes = phase is "" or "Pending" ? [] : [new("wf", "wf", "Pod", "ingestion", phase, null)];
        var workflow = new ArgoWorkflow(
            "wf", "ns", new Dictionary<string, string>(), new Dictionary<string, string>(), phase, null, null, null, null, shutdown, null) { Nodes = nodes };

        Assert.Equal(expected, WorkflowPhases.ToPipelineState(workflow));
    }

    [Fact]
    public void ToPipelineState_RunningBeforeAnyNode_IsQueued()
    {
        Assert.Equal(PipelineStates.Queued, WorkflowPhases.ToPipelineState(Running()));
    }

    /// <summary>FIDELITY §6.2: the workflow is Running while its pod waits; the node says why.</summary>
    [Fact]
    public void ToPipelineStateAndMessage_RunningWithMainPodPending_IsQueuedWithTheNodesReason()
    {
        var workflow = Running(
            new WorkflowNode("wf", "wf", "Pod", "ingestion", "Pending", "ImagePullBackOff: Back-off pulling image \"om/ingestion:9\""));

        Assert.Equal(PipelineStates.Queued, WorkflowPhases.ToPipelineState(workflow));
        Assert.Equal("ImagePullBackOff: Back-off pulling image \"om/ingestion:9\"", WorkflowPhases.ToMessage(workflow));
    }

    [Fact]
    public void ToPipelineStateAndMessage_RunningWithOnlyTheExitHandlerStarted_IsQueued()
    {
        var workflow = Running(new WorkflowNode("wf-1", "wf.onExit", "Pod", "exit-handler", "Running", null));

        Assert.Equal(PipelineStates.Queued, WorkflowPhases.ToPipelineState(workflow));
        Assert.Equal("workflow message", WorkflowPhases.ToMessage(workflow));
    }

    [Fact]
    public void ToMessage_Running_IsTheWorkflowsMessage()
    {
        var workflow = Running(new WorkflowNode("wf", "wf", "Pod", "ingestion", "Running", "node message"));

        Assert.Equal(PipelineStates.Running, WorkflowPhases.ToPipelineState(workflow));
        Assert.Equal("workflow message", WorkflowPhases.ToMessage(workflow));
    }

    private static ArgoWorkflow Running(params WorkflowNode[] nodes) =>
        new("wf", "ns", new Dictionary<string, string>(), new Dictionary<string, string>(), "Running", null, null, null, "workflow message", null, null)
        {
            Nodes = nodes,
        };
}
