using System.Text.Json;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.Infrastructure;
using Agent.Sandbox.Argo;
using Agent.Sandbox.ControlPlane.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Agent.IntegrationTests.Execution;

/// <summary>
/// Issue 14: a new executor is added without editing any handler. With <see cref="InMemoryExecutor"/> registered instead
/// of Argo's, a <c>pipeline.run</c> from the sandbox control plane is answered started and its <c>run.status</c> reaches
/// success through <see cref="Agent.Core.Execution.IRunObserver"/>, and Argo never sees a workflow.
/// </summary>
public sealed class InMemoryExecutorTests
{
    private const string PipelineFqn = "sandbox_mysql.metadata_ingestion";

    [Fact]
    public async Task PipelineRun_InMemoryExecutor_AnsweredStartedAndReportedSuccessWithoutArgo()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var agent = new AgentApplication(sandbox, "in-memory-executor") { ReplaceServices = services => services.UseInMemoryExecutor() };
        agent.StartServer();
        var cancellation = TestTimeouts.Token();
        await sandbox.ControlPlane.WaitForAgentAsync(agent.AgentId, cancellation);
        var runId = Guid.NewGuid().ToString();

        var answer = await sandbox.ControlPlane.SendRequestAsync(
            agent.AgentId, MessageTypes.PipelineRun, RequestPayloads.PipelineRun(PipelineFqn, runId: runId), cancellation);

        var result = answer.Payload.Deserialize(ProtocolJsonContext.Default.ResultPayload)!;
        Assert.True(result.Ok, result.Reason);
        Assert.Equal(runId, result.RunId);
        var started = result.Data!.Value.Deserialize(ProtocolJsonContext.Default.RunStartedData)!;
        Assert.Equal($"mem-{runId}", started.WorkflowName);
        var success = (await sandbox.ControlPlane.WaitForStatusAsync(s => s.RunId == runId && s.PipelineState == PipelineStates.Success, cancellation)).Status;
        Assert.Equal((PipelineFqn, started.WorkflowName), (success.PipelineFqn, success.WorkflowName));
        Assert.Contains(started.WorkflowName, agent.Services.GetRequiredService<InMemoryExecutor>().Runs.Keys);
        Assert.Empty(sandbox.Services.GetRequiredService<ArgoEmulator>().ListWorkflows());
        Assert.Equal(InMemoryExecutor.Kind, Assert.Single(sandbox.ControlPlane.GetAgents(), known => known.Id == agent.AgentId).Executor?.Kind);
    }
}
