using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Agent.Core.Protocol.Messages;
using YamlDotNet.RepresentationModel;

namespace Agent.IntegrationTests.Gateway;

/// <summary>
/// Issue 15 item 3, end to end: OpenMetadata's AirflowRESTClient (replayed by <see cref="OmClient"/> with the 1.13.3
/// fixtures) drives the gateway process, which drives a real agent process, which drives the sandbox's Argo emulator.
/// Every test asserts on what reached Argo or came back through <c>run.status</c>, never on the gateway's answer alone.
/// </summary>
public sealed class GatewayEndToEndTests(GatewayRig rig) : IClassFixture<GatewayRig>
{
    [Fact]
    public async Task Deploy_TheAgentHasTheCronWorkflow_WithTheScheduleAndTheConfigBuiltFromTheOpenMetadataLookup()
    {
        var dagId = await rig.DeployAsync("e2e_deploy", schedule: "15 3 * * *");

        var cron = await rig.WaitForCronWorkflowAsync(dagId);
        Assert.Contains("15 3 * * *", cron["spec"]!["schedules"]!.AsArray().Select(s => s!.GetValue<string>()));
        var config = Yaml(GatewayRig.Env(cron, "config") ?? throw new InvalidOperationException("the CronWorkflow carries no config"));
        Assert.Equal("mysql", Scalar(config, "source", "type"));
        Assert.Equal("mysql_prod", Scalar(config, "source", "serviceName"));
        Assert.Equal("metadata-rest", Scalar(config, "sink", "type"));
        Assert.Equal(rig.Sandbox.OpenMetadataHostPort, Scalar(config, "workflowConfig", "openMetadataServerConfig", "hostPort"));
        Assert.Equal(SandboxServer.OpenMetadataBotToken, Scalar(config, "workflowConfig", "openMetadataServerConfig", "securityConfig", "jwtToken"));
    }

    [Fact]
    public async Task ScheduledRun_FiredByTheCronWorkflow_ShowsInStatusUntilSuccess()
    {
        var dagId = await rig.DeployAsync("e2e_scheduled");
        var cron = await rig.WaitForCronWorkflowAsync(dagId);

        using var tick = await rig.Sandbox.Client.PostAsync($"/sandbox/argo/cron-workflows/{GatewayRig.Namespace}/{GatewayRig.Name(cron)}/trigger", null);
        Assert.True(tick.IsSuccessStatusCode, await tick.Content.ReadAsStringAsync());
        var workflow = GatewayRig.Name(JsonNode.Parse(await tick.Content.ReadAsStringAsync())!.AsObject());
        var runId = await Polling.UntilFoundAsync(async () => (await rig.StatusAsync(dagId, onlyQueued: false)).Body.EnumerateArray()
            .Select(run => run.GetProperty("runId").GetString()).FirstOrDefault(), "the scheduled run in status", rig);
        rig.Argo.ForcePhase(GatewayRig.Namespace, workflow, "Succeeded");

        await rig.WaitForRunStateAsync(dagId, runId, PipelineStates.Success);
        var (code, queued) = await rig.StatusAsync(dagId, onlyQueued: true);
        Assert.Equal(200, code);
        Assert.Empty(queued.EnumerateArray());
    }

    [Fact]
    public async Task OnDemandRun_IsAWorkflowWithTheMintedRunId_AndReachesSuccessThroughRunStatus()
    {
        var dagId = await rig.DeployAsync("e2e_on_demand");

        var runId = await rig.TriggerAsync(dagId);
        var workflow = await rig.WaitForWorkflowAsync(runId);
        Assert.Equal(runId, Scalar(Yaml(GatewayRig.Env(workflow, "config")!), "pipelineRunId"));
        await rig.WaitForRunStateAsync(dagId, runId, PipelineStates.Running);
        rig.Argo.ForcePhase(GatewayRig.Namespace, GatewayRig.Name(workflow), "Succeeded");

        await rig.WaitForRunStateAsync(dagId, runId, PipelineStates.Success);
    }

    [Fact]
    public async Task Kill_ARunningRun_EndsItInArgo_AndStatusReportsItStopped()
    {
        var dagId = await rig.DeployAsync("e2e_kill");
        var runId = await rig.TriggerAsync(dagId);
        var workflow = await rig.WaitForWorkflowAsync(runId);
        await rig.WaitForRunStateAsync(dagId, runId, PipelineStates.Running);

        using var kill = await rig.Om.PostAsync("kill", JsonSerializer.Serialize(new { dag_id = dagId }));
        Assert.True(kill.IsSuccessStatusCode, await kill.Content.ReadAsStringAsync());

        var ended = await Polling.UntilFoundAsync(async () => (await rig.StatusAsync(dagId, onlyQueued: false)).Body.EnumerateArray()
            .Where(run => run.GetProperty("runId").GetString() == runId)
            .Select(run => run.GetProperty("pipelineState").GetString())
            .FirstOrDefault(state => state is PipelineStates.Stopped or PipelineStates.Failed), "the killed run ended", rig);
        Assert.Contains(ended, new[] { PipelineStates.Stopped, PipelineStates.Failed });
        Assert.NotEqual("Running", rig.Argo.GetWorkflow(GatewayRig.Namespace, GatewayRig.Name(workflow))["status"]?["phase"]?.GetValue<string>());
    }

    [Fact]
    public async Task Logs_LongerThanOnePage_PagedWithAfterUntilNoAfter_ConcatenateToTheLog()
    {
        var dagId = await rig.DeployAsync("e2e_logs");
        var runId = await rig.TriggerAsync(dagId);
        var workflow = GatewayRig.Name(await rig.WaitForWorkflowAsync(runId));
        await rig.WaitForRunStateAsync(dagId, runId, PipelineStates.Running);
        using var append = await rig.Sandbox.Client.PostAsJsonAsync($"/sandbox/argo/workflows/{GatewayRig.Namespace}/{workflow}/log", new { lines = 2_500, lineBytes = 1_000 });
        Assert.True(append.IsSuccessStatusCode, await append.Content.ReadAsStringAsync());

        var text = new System.Text.StringBuilder();
        var pages = 0;
        string? after = null;
        do
        {
            using var response = await rig.Om.GetAsync(after is null
                ? $"last_dag_logs?dag_id={dagId}&task_id=ingestion_task"
                : $"last_dag_logs?after={after}&dag_id={dagId}&task_id=ingestion_task");
            var page = await GatewayRig.JsonAsync(response);
            Assert.True(response.IsSuccessStatusCode, page.ToString());
            text.Append(page.GetProperty("ingestion_task").GetString());
            after = page.TryGetProperty("after", out var next) ? next.GetString() : null;
            pages++;
        }
        while (after is not null);

        var (lines, _) = rig.Argo.GetPodLog(GatewayRig.Namespace, workflow, out _).Read(0);
        Assert.True(pages >= 3, $"{pages} pages");
        Assert.Equal(string.Join('\n', lines), text.ToString().TrimEnd('\n'));
    }

    [Fact]
    public async Task DisableThenEnable_SuspendsThenResumesTheCronWorkflow()
    {
        var dagId = await rig.DeployAsync("e2e_toggle");
        await rig.WaitForCronWorkflowAsync(dagId);
        var body = JsonSerializer.Serialize(new { dag_id = dagId });

        using (var disable = await rig.Om.PostAsync("disable", body))
        {
            Assert.True(disable.IsSuccessStatusCode, await disable.Content.ReadAsStringAsync());
        }

        Assert.True(Suspended(rig.FindCronWorkflow(dagId)!));
        using (var enable = await rig.Om.PostAsync("enable", body))
        {
            Assert.True(enable.IsSuccessStatusCode, await enable.Content.ReadAsStringAsync());
        }

        Assert.False(Suspended(rig.FindCronWorkflow(dagId)!));
    }

    [Fact]
    public async Task Delete_RemovesTheCronWorkflow_AndStatusAnswers404()
    {
        var dagId = await rig.DeployAsync("e2e_delete");
        await rig.WaitForCronWorkflowAsync(dagId);

        using var delete = await rig.Om.DeleteAsync($"delete?dag_id={dagId}");
        Assert.True(delete.IsSuccessStatusCode, await delete.Content.ReadAsStringAsync());

        Assert.Null(rig.FindCronWorkflow(dagId));
        Assert.Equal(404, (await rig.StatusAsync(dagId, onlyQueued: true)).Code);
    }

    [Fact]
    public async Task TestConnection_IsAnAutomationWorkflowRunningRunAutomation_WithTheWorkflowJson()
    {
        var sent = JsonNode.Parse(rig.TestConnectionBody())!;

        using var response = await rig.Om.PostAsync("run_automation", sent.ToJsonString());
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());

        var workflow = await Polling.UntilFoundAsync(() => Task.FromResult(rig.Argo.ListWorkflows(GatewayRig.Namespace).FirstOrDefault(
            w => w.ToJsonString().Contains("run_automation.py", StringComparison.Ordinal)
                && GatewayRig.Env(w, "config")?.Contains(sent["name"]!.GetValue<string>(), StringComparison.Ordinal) == true)), "the automation Workflow", rig);
        var config = JsonNode.Parse(GatewayRig.Env(workflow, "config")!)!;
        Assert.Equal(sent["name"]!.GetValue<string>(), config["name"]!.GetValue<string>());
        Assert.Equal("TEST_CONNECTION", config["workflowType"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(sent["request"], config["request"]), config["request"]?.ToJsonString());
    }

    private static bool Suspended(JsonObject cron) => cron["spec"]?["suspend"]?.GetValue<bool>() == true;

    private static YamlMappingNode Yaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string? Scalar(YamlMappingNode root, params string[] path)
    {
        YamlNode node = root;
        foreach (var key in path)
        {
            if (node is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out var child))
            {
                return null;
            }

            node = child;
        }

        return (node as YamlScalarNode)?.Value;
    }
}
