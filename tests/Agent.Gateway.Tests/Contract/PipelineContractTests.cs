using System.Text.Json;

namespace Agent.Gateway.Tests.Contract;

/// <summary>deploy, trigger, status and last_dag_logs as OpenMetadata 1.13.3's AirflowRESTClient sends and reads them.</summary>
public sealed class PipelineContractTests
{
    /// <summary>PipelineStatus (ingestionPipeline.json definitions.pipelineStatus) has additionalProperties: false.</summary>
    private static readonly string[] PipelineStatusFields = ["runId", "pipelineState", "startDate", "timestamp", "endDate"];

    private static readonly string[] PipelineStates = ["queued", "success", "failed", "running", "partialSuccess"];

    [Theory]
    [MemberData(nameof(ContractSession.Prefixes), MemberType = typeof(ContractSession))]
    public async Task Deploy_AnswersOkWithTheCreatedMessage(string prefix)
    {
        await using var session = await ContractSession.StartAsync(prefix);

        using var response = await session.Client.PostAsync("deploy", ContractFixtures.Read(ContractFixtures.MetadataPipeline));

        // AirflowRESTClient.java @03fa0ab6 deployPipeline: statusCode() == 200 → setDeployed(true), reason = body.
        Assert.Equal(200, (int)response.StatusCode);
        // Plugin operations/deploy.py: {"message": "Workflow [<dag_id>] has been created"}.
        Assert.Equal("Workflow [mysql_prod_metadata] has been created", (await ContractSession.JsonAsync(response)).GetProperty("message").GetString());
    }

    [Theory]
    [MemberData(nameof(ContractSession.Prefixes), MemberType = typeof(ContractSession))]
    public async Task Trigger_AnswersOk(string prefix)
    {
        await using var session = await ContractSession.StartAsync(prefix);
        var dagId = await session.DeployAsync();

        // AirflowRESTClient.java @03fa0ab6 runPipeline: requestPayload.put(DAG_ID, pipelineName), no conf without a config map.
        using var response = await session.Client.PostAsync("trigger", new JsonObjectBuilder().Add("dag_id", dagId).Build());

        // runPipeline: statusCode() == 200 → getResponse(200, body); anything else throws TRIGGER_ERROR.
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal($"Workflow [{dagId}] has been triggered", (await ContractSession.JsonAsync(response)).GetProperty("message").GetString());
    }

    [Theory]
    [MemberData(nameof(ContractSession.Prefixes), MemberType = typeof(ContractSession))]
    public async Task Status_IsAnArrayOfPipelineStatusWithNoOtherField(string prefix)
    {
        await using var session = await ContractSession.StartAsync(prefix);
        var dagId = await session.DeployAsync();
        using var trigger = await session.Client.PostAsync("trigger", new JsonObjectBuilder().Add("dag_id", dagId).Build());

        // getQueuedPipelineStatusInternal @03fa0ab6: addParameter(DAG_ID, name) then addParameter("only_queued", "true").
        using var response = await session.Client.GetAsync($"status?dag_id={dagId}&only_queued=true");
        var body = await ContractSession.JsonAsync(response);

        // getQueuedPipelineStatusInternal: statusCode() == 200 → JsonUtils.readObjects(body, PipelineStatus.class): a JSON array.
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(JsonValueKind.Array, body.ValueKind);
        Assert.NotEmpty(body.EnumerateArray());
        foreach (var status in body.EnumerateArray())
        {
            // PipelineStatus: runId string, pipelineState enum, startDate/timestamp/endDate epoch-ms integers, nothing else.
            Assert.All(status.EnumerateObject(), p => Assert.Contains(p.Name, PipelineStatusFields));
            Assert.Contains(status.GetProperty("pipelineState").GetString(), PipelineStates);
            Assert.Equal("queued", status.GetProperty("pipelineState").GetString());
            Assert.Equal(JsonValueKind.String, status.GetProperty("runId").ValueKind);
            Assert.True(status.GetProperty("timestamp").TryGetInt64(out var timestamp) && timestamp > 1_000_000_000_000);
        }
    }

    [Theory]
    [MemberData(nameof(ContractSession.Prefixes), MemberType = typeof(ContractSession))]
    public async Task LastDagLogs_IsAStringMapKeyedByTheTaskIdAndPagedWithAfter(string prefix)
    {
        await using var session = await ContractSession.StartAsync(prefix);
        var dagId = await session.DeployAsync();
        using var trigger = await session.Client.PostAsync("trigger", new JsonObjectBuilder().Add("dag_id", dagId).Build());

        // getLastIngestionLogs @03fa0ab6: taskKeyOf("metadata") = "ingestion_task"; addParameter(DAG_ID) then ("task_id").
        using var first = await session.Client.GetAsync($"last_dag_logs?dag_id={dagId}&task_id=ingestion_task");
        var page = await ContractSession.JsonAsync(first);

        // getLastIngestionLogs: statusCode() == 200 → JsonUtils.readValue(body, Map<String,String>): every value a string.
        Assert.Equal(200, (int)first.StatusCode);
        Assert.All(page.EnumerateObject(), p => Assert.Equal(JsonValueKind.String, p.Value.ValueKind));
        // The UI reads the text under the task key it asked for (PipelineServiceClientInterface.TYPE_TO_TASK).
        Assert.False(string.IsNullOrEmpty(page.GetProperty("ingestion_task").GetString()));
        Assert.True(int.TryParse(page.GetProperty("total").GetString(), out _));
        var after = page.GetProperty("after").GetString();

        // getLastIngestionLogs: when after != null, addParameter("after", after) comes first.
        using var second = await session.Client.GetAsync($"last_dag_logs?after={after}&dag_id={dagId}&task_id=ingestion_task");
        var last = await ContractSession.JsonAsync(second);

        Assert.Equal(200, (int)second.StatusCode);
        Assert.All(last.EnumerateObject(), p => Assert.Equal(JsonValueKind.String, p.Value.ValueKind));
        Assert.True(last.TryGetProperty("ingestion_task", out _));
        // The last page has no "after": the UI stops asking (plugin last_dag_logs.py: after only while after_idx < total-1).
        Assert.False(last.TryGetProperty("after", out _));
    }

    [Theory]
    [MemberData(nameof(ContractSession.Prefixes), MemberType = typeof(ContractSession))]
    public async Task ApplicationTrigger_WithAppConfigOverride_AnswersOk(string prefix)
    {
        await using var session = await ContractSession.StartAsync(prefix);
        var dagId = await session.DeployAsync(ContractFixtures.ApplicationPipeline);

        // runPipeline(pipeline, service, config) @03fa0ab6: requestPayload.put(CONF, Map.of(APP_CONFIG_OVERRIDE, config)).
        using var response = await session.Client.PostAsync("trigger", "{\"dag_id\":\"" + dagId + "\",\"conf\":{\"appConfigOverride\":{\"confidenceLevel\":95}}}");

        Assert.Equal(200, (int)response.StatusCode);
    }
}
