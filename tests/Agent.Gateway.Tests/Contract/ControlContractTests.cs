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

        // killIngestion @03fa0ab6: requestPayload.put(DAG_ID, name); anything but 200 throws "Failed to kill running workflows".
        using var idle = await session.Client.PostAsync("kill", body);
        using var trigger = await session.Client.PostAsync("trigger", body);
        using var busy = await session.Client.PostAsync("kill", body);

        Assert.Equal(200, (int)idle.StatusCode);
        Assert.Equal(200, (int)busy.StatusCode);
        Assert.Equal($"Workflow [{dagId}] has been killed", (await ContractSession.JsonAsync(busy)).GetProperty("message").GetString());
    }

    [Theory]
    [MemberData(nameof(ContractSession.Prefixes), MemberType = typeof(ContractSession))]
    public async Task DisableThenEnable_AnswerOk(string prefix)
    {
        await using var session = await ContractSession.StartAsync(prefix);
        var dagId = await session.DeployAsync();
        var body = new JsonObjectBuilder().Add("dag_id", dagId).Build();

        // toggleIngestion @03fa0ab6: POST disable when getEnabled() is TRUE, else enable; 200 → setEnabled(!enabled).
        using var disable = await session.Client.PostAsync("disable", body);
        using var enable = await session.Client.PostAsync("enable", body);

        Assert.Equal(200, (int)disable.StatusCode);
        Assert.Equal(200, (int)enable.StatusCode);
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

        // toggleIngestion @03fa0ab6: statusCode() == 404 → setDeployed(false): right for a DAG never deployed, and only then.
        Assert.Equal(404, (int)unknown.StatusCode);
        Assert.Equal(200, (int)deployed.StatusCode);
    }

    [Theory]
    [MemberData(nameof(ContractSession.Prefixes), MemberType = typeof(ContractSession))]
    public async Task Delete_AnswersOkAndTheDagIsGone(string prefix)
    {
        await using var session = await ContractSession.StartAsync(prefix);
        var dagId = await session.DeployAsync();

        // deletePipeline @03fa0ab6: buildURI("delete").addParameter(DAG_ID, name), DELETE after fetchCsrfTokenIfNeeded.
        using var response = await session.Client.DeleteAsync($"delete?dag_id={dagId}");
        using var status = await session.Client.GetAsync($"status?dag_id={dagId}&only_queued=true");

        // deletePipeline: statusCode() == 200 → getResponse(200, body); otherwise a 500 response is returned.
        Assert.Equal(200, (int)response.StatusCode);
        // getQueuedPipelineStatusInternal logs a non-200 and returns an empty list: the deleted DAG is unknown (404).
        Assert.Equal(404, (int)status.StatusCode);
    }

    [Theory]
    [MemberData(nameof(ContractSession.Prefixes), MemberType = typeof(ContractSession))]
    public async Task Delete_OfAnUnknownDag_AnswersOk(string prefix)
    {
        await using var session = await ContractSession.StartAsync(prefix);

        using var response = await session.Client.DeleteAsync("delete?dag_id=never_deployed");

        // deletePipeline @03fa0ab6 runs on OpenMetadata's hard delete, deployed or not; deleting nothing is success.
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(System.Text.Json.JsonValueKind.String, (await ContractSession.JsonAsync(response)).GetProperty("message").ValueKind);
    }
}
