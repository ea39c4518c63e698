// Upstream line citations: OpenMetadata files read from stored copies (read_file), pages joined and written to a scratch
// file; lines counted with `grep -n` on LF line endings (the stored text had no CR; its length matched total_chars).
// AirflowRESTClient.java is read at 03fa0ab6845ddb96e243e8e966079e77fe74c68a. The other files were not stored at that
// commit: each cites the commit of the stored version read, which may differ from 1.13.3; those line numbers may drift.
using System.Text.Json;

namespace Agent.Gateway.Tests.Contract;

/// <summary>deploy, trigger, status and last_dag_logs as OpenMetadata 1.13.3's AirflowRESTClient sends and reads them.</summary>
public sealed class PipelineContractTests
{
    /// <summary>
    /// PipelineStatus: openmetadata-spec/.../ingestionPipelines/ingestionPipeline.json @01450e13 (the stored version read; older than
    /// 1.13.3) definitions.pipelineStatus L16-L45: properties runId L21-L24, pipelineState L25-L30, startDate L31-L34, timestamp
    /// L35-L38, endDate L39-L42; "additionalProperties": false L44. Newer schema text seen in the index (commit unknown, not the
    /// stored spec file) also lists optional status, config and metadata under the same additionalProperties: false, so for
    /// 1.13.3 these five are a subset the gateway keeps to, not the schema's whole list.
    /// </summary>
    private static readonly string[] PipelineStatusFields = ["runId", "pipelineState", "startDate", "timestamp", "endDate"];

    private static readonly string[] PipelineStates = ["queued", "success", "failed", "running", "partialSuccess"];

    [Theory]
    [MemberData(nameof(ContractSession.Prefixes), MemberType = typeof(ContractSession))]
    public async Task Deploy_AnswersOkWithTheCreatedMessage(string prefix)
    {
        await using var session = await ContractSession.StartAsync(prefix);

        using var response = await session.Client.PostAsync("deploy", ContractFixtures.Read(ContractFixtures.MetadataPipeline));

        // AirflowRESTClient.java @03fa0ab6 L346-L351 deployPipeline: statusCode() == 200 → setDeployed(true), reason = body (getResponse L922-L927).
        Assert.Equal(200, (int)response.StatusCode);
        // Plugin operations/deploy.py @04bc377d L135-L137: {"message": "Workflow [<dag_id>] has been created"}.
        Assert.Equal("Workflow [mysql_prod_metadata] has been created", (await ContractSession.JsonAsync(response)).GetProperty("message").GetString());
    }

    [Theory]
    [MemberData(nameof(ContractSession.Prefixes), MemberType = typeof(ContractSession))]
    public async Task Trigger_AnswersOk(string prefix)
    {
        await using var session = await ContractSession.StartAsync(prefix);
        var dagId = await session.DeployAsync();

        // AirflowRESTClient.java @03fa0ab6 L404-L407, L418-L422 runPipeline: requestPayload.put(DAG_ID, pipelineName), no conf without a config map.
        using var response = await session.Client.PostAsync("trigger", new JsonObjectBuilder().Add("dag_id", dagId).Build());

        // AirflowRESTClient.java @03fa0ab6 L424-L425, L436-L440 runPipeline: statusCode() == 200 → getResponse(200, body); anything else throws TRIGGER_ERROR.
        Assert.Equal(200, (int)response.StatusCode);
        // Plugin operations/trigger.py @0c8355f1 L61-L64: {"message": f"Workflow [{dag_id}] has been triggered {dag_run}"}: the plugin
        // appends the DagRun repr, the gateway stops at "triggered". The client ignores the body: getResponse(200, body) only copies it
        // into reason (AirflowRESTClient.java @03fa0ab6 L425, L922-L927).
        Assert.Equal($"Workflow [{dagId}] has been triggered", (await ContractSession.JsonAsync(response)).GetProperty("message").GetString());
    }

    [Theory]
    [MemberData(nameof(ContractSession.Prefixes), MemberType = typeof(ContractSession))]
    public async Task Status_IsAnArrayOfPipelineStatusWithNoOtherField(string prefix)
    {
        await using var session = await ContractSession.StartAsync(prefix);
        var dagId = await session.DeployAsync();
        using var trigger = await session.Client.PostAsync("trigger", new JsonObjectBuilder().Add("dag_id", dagId).Build());

        // AirflowRESTClient.java @03fa0ab6 L487-L488 getQueuedPipelineStatusInternal: addParameter(DAG_ID, name) then addParameter("only_queued", "true").
        using var response = await session.Client.GetAsync($"status?dag_id={dagId}&only_queued=true");
        var body = await ContractSession.JsonAsync(response);

        // AirflowRESTClient.java @03fa0ab6 L490-L491 getQueuedPipelineStatusInternal: statusCode() == 200 → JsonUtils.readObjects(body, PipelineStatus.class): a JSON array.
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(JsonValueKind.Array, body.ValueKind);
        Assert.NotEmpty(body.EnumerateArray());
        foreach (var status in body.EnumerateArray())
        {
            // PipelineStatus (ingestionPipeline.json @01450e13 L21-L44): runId string (L23), pipelineState enum (L29),
            // startDate/timestamp/endDate basic.json timestamp refs (L33, L37, L41), additionalProperties false (L44).
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

        // AirflowRESTClient.java @03fa0ab6 L685-L686, L693-L694 getLastIngestionLogs: taskKeyOf("metadata") = "ingestion_task"
        // (PipelineServiceClientInterface.java @06c47971 L55, L69-L71, L86-L87); addParameter(DAG_ID) then ("task_id").
        using var first = await session.Client.GetAsync($"last_dag_logs?dag_id={dagId}&task_id=ingestion_task");
        var page = await ContractSession.JsonAsync(first);

        // AirflowRESTClient.java @03fa0ab6 L697-L698 getLastIngestionLogs: statusCode() == 200 → JsonUtils.readValue(body, Map<String,String>): every value a string.
        Assert.Equal(200, (int)first.StatusCode);
        Assert.All(page.EnumerateObject(), p => Assert.Equal(JsonValueKind.String, p.Value.ValueKind));
        // The UI reads the text under the task key it asked for (PipelineServiceClientInterface.java @06c47971 L69-L71 TYPE_TO_TASK).
        Assert.False(string.IsNullOrEmpty(page.GetProperty("ingestion_task").GetString()));
        Assert.True(int.TryParse(page.GetProperty("total").GetString(), out _));
        var after = page.GetProperty("after").GetString();

        // AirflowRESTClient.java @03fa0ab6 L689-L694 getLastIngestionLogs: when after != null, addParameter("after", after) comes first.
        using var second = await session.Client.GetAsync($"last_dag_logs?after={after}&dag_id={dagId}&task_id=ingestion_task");
        var last = await ContractSession.JsonAsync(second);

        Assert.Equal(200, (int)second.StatusCode);
        Assert.All(last.EnumerateObject(), p => Assert.Equal(JsonValueKind.String, p.Value.ValueKind));
        Assert.True(last.TryGetProperty("ingestion_task", out _));
        // The last page has no "after": the UI stops asking (plugin operations/last_dag_logs.py @006f0c22 L99:
        // after only while after_idx < total-1).
        Assert.False(last.TryGetProperty("after", out _));
    }

    [Theory]
    [MemberData(nameof(ContractSession.Prefixes), MemberType = typeof(ContractSession))]
    public async Task ApplicationTrigger_WithAppConfigOverride_AnswersOk(string prefix)
    {
        await using var session = await ContractSession.StartAsync(prefix);
        var dagId = await session.DeployAsync(ContractFixtures.ApplicationPipeline);

        // AirflowRESTClient.java @03fa0ab6 L410-L422 runPipeline(pipeline, service, config): requestPayload.put(CONF, Map.of(APP_CONFIG_OVERRIDE, config)).
        using var response = await session.Client.PostAsync("trigger", "{\"dag_id\":\"" + dagId + "\",\"conf\":{\"appConfigOverride\":{\"confidenceLevel\":95}}}");

        Assert.Equal(200, (int)response.StatusCode);
    }
}
