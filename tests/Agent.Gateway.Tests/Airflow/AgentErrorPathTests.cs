using Agent.Gateway.Tests.Contract.Backend;
using Agent.Gateway.Tests.Contract.Host;

namespace Agent.Gateway.Tests.Airflow;

/// <summary>What each route answers when the DAG is unknown or its agent is away, silent or refusing.</summary>
public sealed class AgentErrorPathTests
{
    [Theory]
    [InlineData("trigger")]
    [InlineData("kill")]
    [InlineData("enable")]
    [InlineData("disable")]
    [InlineData("status")]
    [InlineData("last_dag_logs")]
    public async Task UnknownDag_IsNotFoundInThePluginsWords(string route)
    {
        await using var session = await ScriptedSession.StartAsync();

        using var response = await session.CallAsync(route, "never_deployed");

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal("DAG never_deployed not found.", await ScriptedSession.ErrorOf(response));
        Assert.Empty(session.Backend.Link.Requests);
    }

    [Theory]
    [InlineData("trigger")]
    [InlineData("kill")]
    [InlineData("enable")]
    [InlineData("disable")]
    [InlineData("last_dag_logs")]
    public async Task AgentNotConnected_IsUnavailableNamingTheAgent_NeverNotFound(string route)
    {
        await using var session = await ScriptedSession.StartAsync();
        var dagId = await session.DeployMetadataAsync();
        session.Backend.Link.Agent(ScriptedBackend.DefaultAgent).Connected = false;

        using var response = await session.CallAsync(route, dagId);

        // AirflowRESTClient.toggleIngestion @03fa0ab6: a 404 would set deployed=false on a pipeline that is deployed.
        Assert.Equal(503, (int)response.StatusCode);
        Assert.Contains($"'{ScriptedBackend.DefaultAgent}'", await ScriptedSession.ErrorOf(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deploy_AgentNotConnected_IsUnavailableAndNothingIsSaved()
    {
        await using var session = await ScriptedSession.StartAsync();
        session.Backend.Link.Agent(ScriptedBackend.DefaultAgent).Connected = false;

        using var response = await session.DeployAsync(ContractFixtures.Read(ContractFixtures.MetadataPipeline));

        Assert.Equal(503, (int)response.StatusCode);
        Assert.Null(await session.Backend.Pipelines.FindAsync("mysql_prod_metadata", CancellationToken.None));
    }

    [Theory]
    [InlineData("deploy", AirflowGatewayHost.DeployTimeoutSeconds)]
    [InlineData("trigger", AirflowGatewayHost.RequestTimeoutSeconds)]
    [InlineData("kill", AirflowGatewayHost.RequestTimeoutSeconds)]
    [InlineData("disable", AirflowGatewayHost.RequestTimeoutSeconds)]
    [InlineData("last_dag_logs", AirflowGatewayHost.RequestTimeoutSeconds)]
    public async Task SilentAgent_IsUnavailable_AfterTheConfiguredBound(string route, int boundSeconds)
    {
        await using var session = await ScriptedSession.StartAsync();
        var dagId = await session.DeployMetadataAsync();
        session.Backend.Link.Agent(ScriptedBackend.DefaultAgent).Silent = true;

        using var response = route == "deploy"
            ? await session.DeployAsync(ContractFixtures.Read(ContractFixtures.MetadataPipeline))
            : await session.CallAsync(route, dagId);

        Assert.Equal(503, (int)response.StatusCode);
        Assert.Contains($"did not answer within {boundSeconds} s", await ScriptedSession.ErrorOf(response), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(boundSeconds), session.Backend.Link.Requests.Last().Wait);
    }

    [Fact]
    public async Task AgentRefusesLogs_NoRunYet_IsNotFound()
    {
        await using var session = await ScriptedSession.StartAsync();
        var dagId = await session.DeployMetadataAsync();

        using var response = await session.CallAsync("last_dag_logs", dagId);

        // The scripted agent answers 404 while the pipeline has no run; the plugin answers "No DAG run found" 404 too.
        Assert.Equal(404, (int)response.StatusCode);
        Assert.Contains("no run", await ScriptedSession.ErrorOf(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgentLostThePipeline_ToggleIsNotNotFound()
    {
        await using var session = await ScriptedSession.StartAsync();
        var dagId = await session.DeployMetadataAsync();
        session.Backend.Link.Agent(ScriptedBackend.DefaultAgent).Pipelines.Clear();

        using var response = await session.CallAsync("disable", dagId);

        // The gateway knows the DAG: the agent's 404 is its problem, not "unknown DAG" (toggleIngestion would undeploy).
        Assert.Equal(500, (int)response.StatusCode);
    }
}
