using System.Text.Json;
using System.Text.Json.Nodes;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.Infrastructure;
using Agent.Sandbox.ControlPlane.Api;

namespace Agent.IntegrationTests.Runs;

/// <summary>pipeline.kill and pipeline.killRun: only this agent's runs, reported stopped, terminated after the grace.</summary>
public sealed class KillTests
{
    private static readonly Dictionary<string, string?> LongRuns = new()
    {
        ["Sandbox:Argo:PendingSeconds"] = "0",
        ["Sandbox:Argo:RunningSeconds"] = "300",
    };

    [Fact]
    public async Task PipelineKill_OwnAndForeignRuns_StopsOnlyOwnAndReportsStopped()
    {
        await using var rig = await AgentRig.StartAsync("kill-agent", LongRuns);
        var runId = Guid.NewGuid().ToString();
        var workflowName = await rig.StartRunAsync(runId);
        await rig.WaitForStateAsync(runId, PipelineStates.Running);
        var foreignRunId = Guid.NewGuid().ToString();
        const string ForeignName = "om-foreign-run";
        rig.Emulator.CreateWorkflow(AgentRig.Namespace, ForeignWorkflow(ForeignName, foreignRunId, AgentRig.PipelineFqn));

        var kill = await rig.SendAsync(MessageTypes.PipelineKill, RequestPayloads.PipelineFqn(AgentRig.PipelineFqn));

        Assert.True(kill.Ok, kill.Reason);
        Assert.Equal([runId], kill.Data!.Value.Deserialize(ProtocolJsonContext.Default.StoppedRunsData)!.Stopped);
        var stopped = await rig.WaitForStateAsync(runId, PipelineStates.Stopped);
        Assert.Equal(workflowName, stopped.Status.WorkflowName);
        Assert.Equal("Stop", (string?)rig.Emulator.GetWorkflow(AgentRig.Namespace, workflowName)["spec"]!["shutdown"]);
        var foreign = rig.Emulator.GetWorkflow(AgentRig.Namespace, ForeignName);
        Assert.Equal("Running", (string?)foreign["status"]!["phase"]);
        Assert.Null(foreign["spec"]!["shutdown"]);
        Assert.DoesNotContain(rig.Recorder.Requests, r => r.Path.Contains(ForeignName, StringComparison.Ordinal) && r.Method == "PUT");
        Assert.Empty(rig.ControlPlane.GetStatuses(runId: foreignRunId));
    }

    [Fact]
    public async Task PipelineKillRun_ForeignOrUnknownRun_AnswersNotFoundAndStopsNothing()
    {
        await using var rig = await AgentRig.StartAsync("killrun-agent", LongRuns);
        var foreignRunId = Guid.NewGuid().ToString();
        rig.Emulator.CreateWorkflow(AgentRig.Namespace, ForeignWorkflow("om-foreign-one", foreignRunId, AgentRig.PipelineFqn));

        var foreign = await rig.SendAsync(MessageTypes.PipelineKillRun, KillRun(foreignRunId));
        var unknown = await rig.SendAsync(MessageTypes.PipelineKillRun, KillRun(Guid.NewGuid().ToString()));

        Assert.Equal(404, foreign.Code);
        Assert.Equal(404, unknown.Code);
        Assert.DoesNotContain(rig.Recorder.Requests, r => r.Method == "PUT");
        Assert.Null(rig.Emulator.GetWorkflow(AgentRig.Namespace, "om-foreign-one")["spec"]!["shutdown"]);
    }

    [Fact]
    public async Task PipelineKillRun_StopIgnoredPastGrace_TerminatesOnceAndReportsStopped()
    {
        await using var rig = await AgentRig.StartAsync("grace-agent", LongRuns, new Dictionary<string, string?> { ["Argo:KillGraceSeconds"] = "1" });
        var runId = Guid.NewGuid().ToString();
        var workflowName = await rig.StartRunAsync(runId);
        await rig.WaitForStateAsync(runId, PipelineStates.Running);
        rig.Faults.IgnoreStop(AgentRig.Namespace, workflowName);

        var kill = await rig.SendAsync(MessageTypes.PipelineKillRun, KillRun(runId));

        Assert.True(kill.Ok, kill.Reason);
        Assert.Equal("Stop", (string?)rig.Emulator.GetWorkflow(AgentRig.Namespace, workflowName)["spec"]!["shutdown"]);
        Assert.Equal("Running", (string?)rig.Emulator.GetWorkflow(AgentRig.Namespace, workflowName)["status"]!["phase"]);
        await rig.WaitForStateAsync(runId, PipelineStates.Stopped);
        var puts = rig.Recorder.Requests.Where(r => r.Method == "PUT").Select(r => r.Route).ToList();
        Assert.Equal(["/api/v1/workflows/{namespace}/{name}/stop", "/api/v1/workflows/{namespace}/{name}/terminate"], puts);
        Assert.Equal("Terminate", (string?)rig.Emulator.GetWorkflow(AgentRig.Namespace, workflowName)["spec"]!["shutdown"]);
    }

    private static JsonElement KillRun(string runId) => JsonSerializer.SerializeToElement(
        new PipelineKillRunRequest(AgentRig.PipelineFqn, runId), ProtocolJsonContext.Default.PipelineKillRunRequest);

    /// <summary>A workflow that looks like one of ours (same pipeline label and annotations) but belongs to another agent.</summary>
    internal static JsonObject ForeignWorkflow(string name, string runId, string pipelineFqn, string agentId = "other-agent") => new()
    {
        ["workflow"] = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["labels"] = new JsonObject
                {
                    ["hybrid-agent/agent-id"] = agentId,
                    ["hybrid-agent/run-id"] = runId,
                    ["hybrid-agent/pipeline"] = Agent.Core.Execution.LabelValues.ForPipeline(pipelineFqn),
                    ["hybrid-agent/pipeline-type"] = "metadata",
                    ["app.kubernetes.io/managed-by"] = "hybrid-ingestion-agent",
                },
                ["annotations"] = new JsonObject { ["hybrid-agent/pipeline-fqn"] = pipelineFqn, ["hybrid-agent/run-id"] = runId },
            },
            ["spec"] = new JsonObject
            {
                ["entrypoint"] = "ingestion",
                ["templates"] = new JsonArray(new JsonObject
                {
                    ["name"] = "ingestion",
                    ["container"] = new JsonObject { ["image"] = "openmetadata/ingestion:1.9.0", ["command"] = new JsonArray("python", "main.py") },
                }),
            },
        },
    };
}
