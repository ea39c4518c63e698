using Agent.Core.Argo;
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
}
