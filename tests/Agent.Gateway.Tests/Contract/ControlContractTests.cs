// Upstream line citations: OpenMetadata files read from stored copies (read_file), pages joined and written to a scratch
// file; lines counted with `grep -n` on LF line endings (the stored text had no CR; its length matched total_chars).
// AirflowRESTClient.java is read at 03fa0ab6845ddb96e243e8e966079e77fe74c68a. The other files were not stored at that
// commit: each cites the commit of the stored version read, which may differ from 1.13.3; those line numbers may drift.
namespace Agent.Gateway.Tests.Contract;

/// <summary>kill, enable/disable and delete as OpenMetadata 1.13.3's AirflowRESTClient sends and reads them.</summary>
public sealed class ControlContractTests
{
    [Theory]
    [MemberData(nameof(ContractSession.Prefixes), MemberType = typeof(ContractSession))]
    public async Task Kill_AnswersOkWhetherOrNotARunIsActive(string prefix)
    {
        await using var session = await ContractSession.StartAsync(prefix);
        var dagId = await session.DeployAsync();
        var body = new JsonObjectBuilder().Add("dag_id", dagId).Build();

        // AirflowRESTClient.java @03fa0ab6 L646-L651 killIngestion: requestPayload.put(DAG_ID, name); anything but 200 throws "Failed to kill running workflows" (L659-L660).
        using var idle = await session.Client.PostAsync("kill", body);
        using var trigger = await session.Client.PostAsync("trigger", body);
        using var busy = await session.Client.PostAsync("kill", body);

        Assert.Equal(200, (int)idle.StatusCode);
        Assert.Equal(200, (int)busy.StatusCode);
        // Plugin operations/kill_all.py @4d112df9 L67: {"message": f"Workflow [{dag_id}] has been killed"}, same text. The plugin answers
        // the idle kill 404 ("has no running or pending runs nor tasks", L54-L57), which the client turns into an exception
        // (L659-L660); the gateway's 200 on idle is its own choice, not the plugin's. The client ignores the 200 body: getResponse
        // only copies it into reason (AirflowRESTClient.java @03fa0ab6 L651, L922-L927).
        Assert.Equal($"Workflow [{dagId}] has been killed", (await ContractSession.JsonAsync(busy)).GetProperty("message").GetString());
    }

    [Theory]
    [MemberData(nameof(ContractSession.Prefixes), MemberType = typeof(ContractSession))]
    public async Task DisableThenEnable_AnswerOk(string prefix)
    {
        await using var session = await ContractSession.StartAsync(prefix);
        var dagId = await session.DeployAsync();
        var body = new JsonObjectBuilder().Add("dag_id", dagId).Build();

        // AirflowRESTClient.java @03fa0ab6 L451-L467 toggleIngestion: POST disable when getEnabled() is TRUE, else enable; 200 → setEnabled(!enabled).
        using var disable = await session.Client.PostAsync("disable", body);
        using var enable = await session.Client.PostAsync("enable", body);

        Assert.Equal(200, (int)disable.StatusCode);
        Assert.Equal(200, (int)enable.StatusCode);
        // Plugin operations/state.py @36a8a3e5 L50 enable_dag: message f"DAG {dag_id} has been enabled" (disable_dag L60: "has been
        // disabled"), returned as {"message": message} by _update_dag_state L40. The client ignores the body: getResponse only copies
        // it into reason (AirflowRESTClient.java @03fa0ab6 L456, L467, L922-L927).
        Assert.Equal($"DAG {dagId} has been enabled", (await ContractSession.JsonAsync(enable)).GetProperty("message").GetString());
    }

    [Theory]
    [MemberData(nameof(ContractSession.Prefixes), MemberType = typeof(ContractSession))]
    public async Task Toggle_IsNotFoundOnlyForAnUnknownDagId(string prefix)
    {
        await using var session = await ContractSession.StartAsync(prefix);
        var known = await session.DeployAsync();

        using var unknown = await session.Client.PostAsync("disable", new JsonObjectBuilder().Add("dag_id", "never_deployed").Build());
        using var deployed = await session.Client.PostAsync("disable", new JsonObjectBuilder().Add("dag_id", known).Build());

        // AirflowRESTClient.java @03fa0ab6 L457-L459, L468-L470 toggleIngestion: statusCode() == 404 → setDeployed(false): right for a DAG never deployed, and only then.
        Assert.Equal(404, (int)unknown.StatusCode);
        Assert.Equal(200, (int)deployed.StatusCode);
    }

    [Theory]
    [MemberData(nameof(ContractSession.Prefixes), MemberType = typeof(ContractSession))]
    public async Task Delete_AnswersOkAndTheDagIsGone(string prefix)
    {
        await using var session = await ContractSession.StartAsync(prefix);
        var dagId = await session.DeployAsync();

        // AirflowRESTClient.java @03fa0ab6 L387-L389, L772-L775 deletePipeline: buildURI("delete").addParameter(DAG_ID, name), DELETE after fetchCsrfTokenIfNeeded.
        using var response = await session.Client.DeleteAsync($"delete?dag_id={dagId}");
        using var status = await session.Client.GetAsync($"status?dag_id={dagId}&only_queued=true");

        // AirflowRESTClient.java @03fa0ab6 L390-L391, L399-L400 deletePipeline: statusCode() == 200 → getResponse(200, body); otherwise a 500 response is returned.
        Assert.Equal(200, (int)response.StatusCode);
        // AirflowRESTClient.java @03fa0ab6 L500-L504 getQueuedPipelineStatusInternal logs a non-200 and returns an empty list: the deleted DAG is unknown (404).
        Assert.Equal(404, (int)status.StatusCode);
    }

    [Theory]
    [MemberData(nameof(ContractSession.Prefixes), MemberType = typeof(ContractSession))]
    public async Task Delete_OfAnUnknownDag_AnswersOk(string prefix)
    {
        await using var session = await ContractSession.StartAsync(prefix);

        using var response = await session.Client.DeleteAsync("delete?dag_id=never_deployed");

        // AirflowRESTClient.java @03fa0ab6 L383-L401 deletePipeline: sends DELETE for any name with no deployed check of its own, and any
        // non-200 is a 500 to OpenMetadata (L399-L400); deleting nothing is success.
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(System.Text.Json.JsonValueKind.String, (await ContractSession.JsonAsync(response)).GetProperty("message").ValueKind);
    }
}
