using Agent.Core.Operations;
using Agent.Core.Protocol;
using Agent.Core.Runs;
using Agent.IntegrationTests.ControlPlane;
using Agent.IntegrationTests.Infrastructure;
using Agent.IntegrationTests.Lifecycle;
using Agent.Sandbox.ControlPlane.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Agent.IntegrationTests.Runs;

/// <summary>
/// A <c>pipeline.run</c> whose <c>runId</c> already has a workflow under another pipeline name (the name is part of the
/// workflow name, so Argo's 409 cannot catch it) is answered as that same run, or 409 for another pipeline, and never
/// gets a second workflow: not in the same process, not after a restart, not when the agent has forgotten the run
/// (issue 12, finding 1).
/// </summary>
public sealed class RunIdReuseTests
{
    internal const string OtherName = "renamed_ingestion";

    [Fact]
    public async Task PipelineRun_RunIdReusedUnderAnotherName_AnsweredAsTheSameRunWithOneWorkflow()
    {
        await using var rig = await AgentRig.StartAsync(LinkSignals.NewAgentId("reuse-name"));
        var runId = Guid.NewGuid().ToString();
        var workflowName = await rig.StartRunAsync(runId);

        var renamed = await rig.SendAsync(MessageTypes.PipelineRun, RequestPayloads.PipelineRun(AgentRig.PipelineFqn, name: OtherName, runId: runId));

        Assert.Equal(new(runId, workflowName), LifecycleRequests.Started(renamed));
        Assert.Equal(1, ArgoCounts.WorkflowsPerRun(rig.Emulator)[runId]);
    }

    [Fact]
    public async Task PipelineRun_RunIdReusedUnderAnotherNameAfterRestartAndForgotten_AnsweredAsTheSameRunOr409WithOneWorkflow()
    {
        await using var rig = await AgentRig.StartAsync(LinkSignals.NewAgentId("reuse-restart"));
        var runId = Guid.NewGuid().ToString();
        var workflowName = await rig.StartRunAsync(runId);
        await rig.RestartAgentAsync(() => Task.CompletedTask);
        await rig.ControlPlane.WaitForAgentAsync(rig.Agent.AgentId, rig.Cancellation);

        // As after 1,000 later runs finished, or a start whose listing of Argo timed out: only Argo still knows the run.
        await AssertForgottenRunIdReusedAsync(rig, runId, workflowName);
        Assert.Equal(1, ArgoCounts.WorkflowsPerRun(rig.Emulator)[runId]);
        Assert.Single(ArgoCounts.WorkflowsPerRun(rig.Emulator));
    }

    /// <summary>
    /// With the run forgotten before each request: under another name it is answered as the same run; under another
    /// pipeline, 409 naming the pipeline that has it.
    /// </summary>
    internal static async Task AssertForgottenRunIdReusedAsync(AgentRig rig, string runId, string workflowName)
    {
        rig.Agent.Services.GetRequiredService<RunRegistry>().Remove(runId);
        var renamed = await rig.SendAsync(MessageTypes.PipelineRun, RequestPayloads.PipelineRun(AgentRig.PipelineFqn, name: OtherName, runId: runId));
        rig.Agent.Services.GetRequiredService<RunRegistry>().Remove(runId);
        var otherPipeline = await rig.SendAsync(MessageTypes.PipelineRun, RequestPayloads.PipelineRun("sandbox_mysql.other_pipeline", runId: runId));

        Assert.Equal(new(runId, workflowName), LifecycleRequests.Started(renamed));
        Assert.Equal(ResultCodes.Conflict, otherPipeline.Code);
        Assert.Contains(AgentRig.PipelineFqn, otherPipeline.Reason, StringComparison.Ordinal);
    }
}
