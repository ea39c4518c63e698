using Agent.Core.Executors.Argo.Customization;
using System.Text.Json;
using Agent.Core.Protocol;
using Agent.Gateway.Tests.Contract.Backend;

namespace Agent.Gateway.Tests.Airflow;

/// <summary>deploy's refusals: bad payloads, no route, a dag_id held by another pipeline, a config that cannot be built.</summary>
public sealed class DeployErrorPathTests
{
    [Theory]
    [InlineData("name")]
    [InlineData("pipelineType")]
    [InlineData("fullyQualifiedName")]
    [InlineData("service.fullyQualifiedName")]
    public async Task MissingField_IsBadRequestNamingIt(string field)
    {
        await using var session = await ScriptedSession.StartAsync();
        var body = ContractFixtures.With(ContractFixtures.MetadataPipeline, node =>
        {
            var parts = field.Split('.');
            (parts.Length == 1 ? node : node[parts[0]]!.AsObject()).Remove(parts[^1]);
        });

        using var response = await session.DeployAsync(body);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains($"'{field}'", await ScriptedSession.ErrorOf(response), StringComparison.Ordinal);
        Assert.Empty(session.Backend.Link.Requests);
    }

    [Fact]
    public async Task NotJson_IsBadRequest_AndTheBodyIsNotEchoed()
    {
        await using var session = await ScriptedSession.StartAsync();

        using var response = await session.DeployAsync("{\"jwtToken\": \"" + ContractFixtures.BotToken + "\"");

        Assert.Equal(400, (int)response.StatusCode);
        Assert.DoesNotContain(ContractFixtures.BotToken, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoAgentForTheService_IsServerErrorNamingServiceAndAgentsFile()
    {
        await using var session = await ScriptedSession.StartAsync();
        session.Backend.Router.DefaultAgent = null;
        var body = ContractFixtures.With(ContractFixtures.MetadataPipeline, node => node["service"]!["fullyQualifiedName"] = "postgres_dev");

        using var response = await session.DeployAsync(body);
        var error = await ScriptedSession.ErrorOf(response);

        Assert.Equal(500, (int)response.StatusCode);
        Assert.Contains("'postgres_dev'", error, StringComparison.Ordinal);
        Assert.Contains("GATEWAY_AGENTS_FILE", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DagIdHeldByAnotherPipeline_IsConflict_AndTheHolderIsKept()
    {
        await using var session = await ScriptedSession.StartAsync();
        await session.DeployMetadataAsync();
        var other = ContractFixtures.With(ContractFixtures.MetadataPipeline, node =>
        {
            node["fullyQualifiedName"] = "snowflake_prod.mysql_prod_metadata";
            node["service"]!["fullyQualifiedName"] = "snowflake_prod";
        });

        using var response = await session.DeployAsync(other);

        Assert.Equal(409, (int)response.StatusCode);
        Assert.Contains("mysql_prod.mysql_prod_metadata", await ScriptedSession.ErrorOf(response), StringComparison.Ordinal);
        Assert.Equal("mysql_prod.mysql_prod_metadata", (await session.Backend.Pipelines.FindAsync("mysql_prod_metadata", CancellationToken.None))!.PipelineFqn);
        Assert.Empty(session.Backend.Link.Agent(ScriptedBackend.OtherAgent).Pipelines);
    }

    [Fact]
    public async Task ConfigCannotBeBuilt_IsServerError_AndNothingReachesTheAgent()
    {
        await using var session = await ScriptedSession.StartAsync();
        session.Backend.Configs.Failure = new HttpRequestException("service mysql_prod not found in OpenMetadata");

        using var response = await session.DeployAsync(ContractFixtures.Read(ContractFixtures.MetadataPipeline));

        Assert.Equal(500, (int)response.StatusCode);
        Assert.Empty(session.Backend.Link.Requests);
    }

    [Fact]
    public async Task NameWithOtherCharacters_IsKeyedByTheCleanedDagId()
    {
        await using var session = await ScriptedSession.StartAsync();
        var body = ContractFixtures.With(ContractFixtures.MetadataPipeline, node =>
        {
            node["name"] = "mysql prod.metadata";
            node["fullyQualifiedName"] = "mysql_prod.\"mysql prod.metadata\"";
        });

        using var deploy = await session.DeployAsync(body);
        using var trigger = await session.CallAsync("trigger", "mysql prod.metadata");

        // The plugin's clean_dag_id: runs outside [0-9a-zA-Z-_] become "_", on deploy and on every later call.
        Assert.Equal("Workflow [mysql_prod_metadata] has been created", (await Contract.ContractSession.JsonAsync(deploy)).GetProperty("message").GetString());
        Assert.Equal(200, (int)trigger.StatusCode);
        Assert.NotNull(await session.Backend.Pipelines.FindAsync("mysql_prod_metadata", CancellationToken.None));
    }

    [Fact]
    public async Task ServiceMovedToAnotherAgent_TheOldAgentsCopyIsDeleted()
    {
        await using var session = await ScriptedSession.StartAsync();
        await session.DeployMetadataAsync();
        session.Backend.Router.Routes["mysql_prod"] = ScriptedBackend.OtherAgent;

        using var response = await session.DeployAsync(ContractFixtures.Read(ContractFixtures.MetadataPipeline));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Empty(session.Backend.Link.Agent(ScriptedBackend.DefaultAgent).Pipelines);
        Assert.Single(session.Backend.Link.Agent(ScriptedBackend.OtherAgent).Pipelines);
        Assert.Equal(ScriptedBackend.OtherAgent, (await session.Backend.Pipelines.FindAsync("mysql_prod_metadata", CancellationToken.None))!.AgentId);
    }

    [Fact]
    public async Task Deploy_SendsConfigTextWithoutRunId_AndStoresOnlyProtectedCopies()
    {
        await using var session = await ScriptedSession.StartAsync();

        await session.DeployMetadataAsync();

        var sent = session.Backend.Link.RequestsOf(MessageTypes.PipelineDeploy).Single().Payload.Deserialize(ProtocolJsonContext.Default.PipelineDeployRequest)!;
        Assert.Equal("mysql_prod.mysql_prod_metadata", sent.Pipeline.FullyQualifiedName);
        Assert.Equal("0 2 * * *", sent.Pipeline.Schedule);
        Assert.Null(YamlToJson.Parse(sent.Config.GetString()!)!["pipelineRunId"]);
        var stored = (await session.Backend.Pipelines.FindAsync("mysql_prod_metadata", CancellationToken.None))!;
        Assert.StartsWith(MarkingProtector.Marker, stored.ProtectedPayload, StringComparison.Ordinal);
        Assert.StartsWith(MarkingProtector.Marker, stored.ProtectedConfig, StringComparison.Ordinal);
        Assert.DoesNotContain(session.Host.Logs.GetSnapshot(), r => r.Message.Contains(ContractFixtures.BotToken, StringComparison.Ordinal));
    }
}
