using Agent.IntegrationTests.Infrastructure;

namespace Agent.IntegrationTests.Lifecycle;

/// <summary><c>pipeline.delete</c> removes the schedule and every run of the pipeline, and can always be repeated.</summary>
public sealed class PipelineDeleteTests
{
    private const string OtherFqn = "postgres_prod.metadata_ingestion";

    [Fact]
    public async Task Delete_Twice_BothSucceedAndCronAndWorkflowsAreGone()
    {
        await using var rig = await AgentRig.StartAsync("delete-agent");
        var cronName = await rig.DeployOkAsync(LifecycleRequests.Pipeline());
        rig.Emulator.TriggerCronWorkflow(AgentRig.Namespace, cronName!);
        var runId = Guid.NewGuid().ToString();
        LifecycleRequests.Started(await rig.RunPipelineAsync(LifecycleRequests.Pipeline(schedule: null), runId));
        await rig.DeployOkAsync(LifecycleRequests.Pipeline(OtherFqn));
        LifecycleRequests.Started(await rig.RunPipelineAsync(LifecycleRequests.Pipeline(OtherFqn, schedule: null)));
        Assert.Equal(2, ArgoObjects.WorkflowsOf(rig, AgentRig.PipelineFqn).Count);

        var first = await rig.DeleteAsync(AgentRig.PipelineFqn);
        var second = await rig.DeleteAsync(AgentRig.PipelineFqn);

        Assert.True(first.Ok, first.Reason);
        Assert.True(second.Ok, second.Reason);
        Assert.Empty(ArgoObjects.CronWorkflowsOf(rig, AgentRig.PipelineFqn));
        Assert.Empty(ArgoObjects.WorkflowsOf(rig, AgentRig.PipelineFqn));
        Assert.Single(ArgoObjects.CronWorkflowsOf(rig, OtherFqn));
        Assert.Single(ArgoObjects.WorkflowsOf(rig, OtherFqn));
    }

    [Fact]
    public async Task Delete_NeverDeployedPipeline_Succeeds()
    {
        await using var rig = await AgentRig.StartAsync("delete-nothing");

        var result = await rig.DeleteAsync("mysql.never_deployed");

        Assert.True(result.Ok, result.Reason);
        Assert.DoesNotContain(rig.Recorder.Requests, r => r.Method == "DELETE");
    }
}
