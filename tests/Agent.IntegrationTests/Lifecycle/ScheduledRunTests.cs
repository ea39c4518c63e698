using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.Sandbox.ControlPlane.Api;
using Agent.IntegrationTests.Infrastructure;

namespace Agent.IntegrationTests.Lifecycle;

/// <summary>A run the CronWorkflow starts is followed like any other and reported with its uid as run id.</summary>
public sealed class ScheduledRunTests
{
    [Fact]
    public async Task ScheduledRun_CronWorkflowTriggered_IsReportedWithWorkflowUidAsRunId()
    {
        await using var rig = await AgentRig.StartAsync("scheduled-agent");
        var cronName = await rig.DeployOkAsync(LifecycleRequests.Pipeline());

        var created = rig.Emulator.TriggerCronWorkflow(AgentRig.Namespace, cronName!);

        var uid = (string)created["metadata"]!["uid"]!;
        var done = await rig.WaitForStateAsync(uid, PipelineStates.Success);
        Assert.Equal(AgentRig.PipelineFqn, done.Status.PipelineFqn);
        Assert.Equal(ArgoObjects.Name(created), done.Status.WorkflowName);
        Assert.StartsWith(cronName + "-", done.Status.WorkflowName, StringComparison.Ordinal);
        var states = rig.ControlPlane.GetStatuses(rig.Agent.AgentId, AgentRig.PipelineFqn).Select(s => s.Status).ToList();
        Assert.All(states, status => Assert.Equal(uid, status.RunId));
        Assert.Contains(states, status => status.PipelineState == PipelineStates.Running);

        // Requests that name a run find a scheduled one by its uid too, although it carries no run-id label.
        var logs = await rig.SendAsync(MessageTypes.PipelineLogs, RequestPayloads.PipelineLogs(AgentRig.PipelineFqn, uid));
        var killRun = await rig.SendAsync(MessageTypes.PipelineKillRun, RequestPayloads.PipelineKillRun(AgentRig.PipelineFqn, uid));
        Assert.Equal(200, logs.Code);
        Assert.Equal(200, killRun.Code);
    }
}
