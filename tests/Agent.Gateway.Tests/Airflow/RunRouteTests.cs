using Agent.Core.Executors.Argo.Customization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.Gateway.Tests.Contract;
using Agent.Gateway.Tests.Contract.Backend;

namespace Agent.Gateway.Tests.Airflow;

/// <summary>What trigger, status, logs, toggle and the one-off runs send to the agent and make of its answer.</summary>
public sealed class RunRouteTests
{
    [Fact]
    public async Task Trigger_MintsARunId_AndPutsItInTheConfig()
    {
        await using var session = await ScriptedSession.StartAsync();
        var dagId = await session.DeployMetadataAsync();

        using var response = await session.CallAsync("trigger", dagId);

        var run = session.Backend.Link.RequestsOf(MessageTypes.PipelineRun).Single().Payload.Deserialize(ProtocolJsonContext.Default.PipelineRunRequest)!;
        Assert.True(Guid.TryParse(run.RunId, out _));
        Assert.Equal(run.RunId, YamlToJson.Parse(run.Config.GetString()!)!["pipelineRunId"]!.GetValue<string>());
        Assert.Equal(run.RunId, (await ContractSession.JsonAsync(response)).GetProperty("runId").GetString());
    }

    [Fact]
    public async Task Trigger_TakesTheGivenPipelineRunId_AndRefusesOneThatIsNotAUuid()
    {
        await using var session = await ScriptedSession.StartAsync();
        var dagId = await session.DeployMetadataAsync();
        var given = Guid.NewGuid().ToString();

        using var ok = await session.Client.PostAsync("trigger", $"{{\"dag_id\":\"{dagId}\",\"conf\":{{\"pipelineRunId\":\"{given}\"}}}}");
        using var bad = await session.Client.PostAsync("trigger", $"{{\"dag_id\":\"{dagId}\",\"conf\":{{\"pipelineRunId\":\"run-1\"}}}}");

        Assert.Equal(given, session.Backend.Link.RequestsOf(MessageTypes.PipelineRun).Single().Payload.GetProperty("runId").GetString());
        Assert.Equal(400, (int)bad.StatusCode);
        Assert.Contains("'conf.pipelineRunId'", await ScriptedSession.ErrorOf(bad), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trigger_App_MergesAppConfigOverrideForThisRunOnly()
    {
        await using var session = await ScriptedSession.StartAsync();
        using var deploy = await session.DeployAsync(ContractFixtures.Read(ContractFixtures.ApplicationPipeline));

        using var first = await session.Client.PostAsync("trigger", "{\"dag_id\":\"AutoTaggerApplication\",\"conf\":{\"appConfigOverride\":{\"confidenceLevel\":95}}}");
        using var second = await session.CallAsync("trigger", "AutoTaggerApplication");

        var configs = session.Backend.Link.RequestsOf(MessageTypes.PipelineRun)
            .Select(r => YamlToJson.Parse(r.Payload.GetProperty("config").GetString()!)!["appConfig"]!).ToList();
        Assert.Equal(95L, configs[0]["confidenceLevel"]!.GetValue<long>());
        Assert.Equal("AutoTagger", configs[0]["type"]!.GetValue<string>());
        Assert.Equal(80L, configs[1]["confidenceLevel"]!.GetValue<long>());
    }

    [Fact]
    public async Task Status_OnlyQueued_LeavesOtherStatesOut_AndKeepsTheTenNewest()
    {
        await using var session = await ScriptedSession.StartAsync();
        var dagId = await session.DeployMetadataAsync();
        for (var i = 0; i < 12; i++)
        {
            var state = i % 3 == 0 ? PipelineStates.Running : PipelineStates.Queued;
            await session.Backend.Runs.RecordAsync(ScriptedBackend.DefaultAgent, new RunStatusPayload("mysql_prod.mysql_prod_metadata", $"run-{i:00}", "wf", state, 1_773_000_000_000 + i, 1_773_000_000_000 + i), CancellationToken.None);
        }

        using var queued = await session.Client.GetAsync($"status?dag_id={dagId}&only_queued=true");
        using var all = await session.Client.GetAsync($"status?dag_id={dagId}");

        var queuedIds = (await ContractSession.JsonAsync(queued)).EnumerateArray().Select(s => s.GetProperty("runId").GetString()).ToList();
        Assert.Equal(["run-11", "run-10", "run-08", "run-07", "run-05", "run-04", "run-02"], queuedIds);
        Assert.Equal(10, (await ContractSession.JsonAsync(all)).GetArrayLength());
    }

    [Fact]
    public async Task Logs_TheAgentsTextMovesUnderTheTaskIdAsked()
    {
        await using var session = await ScriptedSession.StartAsync();
        var dagId = await session.DeployMetadataAsync();
        using var trigger = await session.CallAsync("trigger", dagId);

        using var response = await session.Client.GetAsync($"last_dag_logs?dag_id={dagId}&task_id=custom_task");
        var page = await ContractSession.JsonAsync(response);

        Assert.Equal("page one\n", page.GetProperty("custom_task").GetString());
        Assert.False(page.TryGetProperty("ingestion_task", out _));
        Assert.Equal("1", page.GetProperty("after").GetString());
    }

    [Fact]
    public async Task Logs_AfterThatIsNotANumber_IsBadRequestNamingIt()
    {
        await using var session = await ScriptedSession.StartAsync();
        var dagId = await session.DeployMetadataAsync();

        using var response = await session.Client.GetAsync($"last_dag_logs?after=-1&dag_id={dagId}&task_id=ingestion_task");

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("'after'", await ScriptedSession.ErrorOf(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disable_IsRememberedForTheNextRun()
    {
        await using var session = await ScriptedSession.StartAsync();
        var dagId = await session.DeployMetadataAsync();

        using var disable = await session.CallAsync("disable", dagId);
        using var trigger = await session.CallAsync("trigger", dagId);

        Assert.False((await session.Backend.Pipelines.FindAsync(dagId, CancellationToken.None))!.Enabled);
        Assert.False(session.Backend.Link.RequestsOf(MessageTypes.PipelineRun).Single().Payload.Deserialize(ProtocolJsonContext.Default.PipelineRunRequest)!.Pipeline.Enabled);
    }

    [Fact]
    public async Task RunAutomation_IsRoutedByServiceName_AndCarriesTheWorkflowAsText()
    {
        await using var session = await ScriptedSession.StartAsync();

        using var response = await session.Client.PostAsync("run_automation", ContractFixtures.Read(ContractFixtures.TestConnectionWorkflow));

        var sent = session.Backend.Link.RequestsOf(MessageTypes.AutomationRun).Single();
        Assert.Equal(ScriptedBackend.OtherAgent, sent.AgentId);
        Assert.Equal("TEST_CONNECTION", JsonNode.Parse(sent.Payload.GetProperty("config").GetString()!)!["workflowType"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunAutomation_WithoutRequest_IsBadRequestNamingIt()
    {
        await using var session = await ScriptedSession.StartAsync();
        var body = ContractFixtures.With(ContractFixtures.TestConnectionWorkflow, node => node.Remove("request"));

        using var response = await session.Client.PostAsync("run_automation", body);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("'request'", await ScriptedSession.ErrorOf(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunApplication_SendsAnApplicationRunToTheDefaultAgent()
    {
        await using var session = await ScriptedSession.StartAsync();

        using var response = await session.Client.PostAsync("run_application", ContractFixtures.Read(ContractFixtures.App));

        var sent = session.Backend.Link.RequestsOf(MessageTypes.ApplicationRun).Single();
        Assert.Equal(ScriptedBackend.DefaultAgent, sent.AgentId);
        Assert.Equal("application", sent.Payload.GetProperty("pipeline").GetProperty("pipelineType").GetString());
    }
}
