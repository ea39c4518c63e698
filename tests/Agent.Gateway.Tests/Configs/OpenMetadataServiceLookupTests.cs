using System.Net.Http.Json;
using Agent.Gateway.Configs;
using Agent.Sandbox.OpenMetadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Agent.Gateway.Tests.Configs;

/// <summary>
/// The service lookup over real HTTP against the sandbox's OpenMetadata emulator, through the registration the gateway
/// uses (typed client + standard resilience handler).
/// </summary>
public sealed class OpenMetadataServiceLookupTests
{
    [Fact]
    public async Task Lookup_SeededService_ServiceTypeFromOpenMetadata()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var services = GatewayServices();

        var facts = await services.GetRequiredService<IOpenMetadataServiceLookup>()
            .LookupAsync(Request(sandbox, "mysql_prod"), TestTimeouts.Token());

        Assert.Equal(new ServiceFacts("Mysql", null), facts);
    }

    [Fact]
    public async Task Lookup_ServiceWithRunner_RunnerName()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        (await sandbox.Client.PostAsJsonAsync("/sandbox/openmetadata/services",
            new { collection = "databaseServices", name = "snowflake_eu", serviceType = "Snowflake", ingestionRunner = "agent-eu" })).Dispose();
        using var services = GatewayServices();

        var facts = await services.GetRequiredService<IOpenMetadataServiceLookup>()
            .LookupAsync(Request(sandbox, "snowflake_eu"), TestTimeouts.Token());

        Assert.Equal(new ServiceFacts("Snowflake", "agent-eu"), facts);
    }

    [Fact]
    public async Task Lookup_WrongToken_TokenRefusedNamingTheUrlButNotTheToken()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var services = GatewayServices();

        var error = await Assert.ThrowsAsync<RunConfigException>(() => services.GetRequiredService<IOpenMetadataServiceLookup>()
            .LookupAsync(Request(sandbox, "mysql_prod", token: "stale-bot-token"), TestTimeouts.Token()));

        Assert.StartsWith("the bot token in the deploy payload was refused by OpenMetadata", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{sandbox.OpenMetadataHostPort}/v1/services/databaseServices/name/mysql_prod", error.Message, StringComparison.Ordinal);
        Assert.Contains("401", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("stale-bot-token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lookup_UnknownService_404WithOpenMetadatasMessage()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var services = GatewayServices();

        var error = await Assert.ThrowsAsync<RunConfigException>(() => services.GetRequiredService<IOpenMetadataServiceLookup>()
            .LookupAsync(Request(sandbox, "ghost_db"), TestTimeouts.Token()));

        Assert.Equal($"GET {sandbox.OpenMetadataHostPort}/v1/services/databaseServices/name/ghost_db answered 404: databaseService instance for ghost_db not found", error.Message);
    }

    [Fact]
    public async Task Build_TestSuitePipeline_NoRequestReachesOpenMetadata()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var services = GatewayServices();
        var payload = IngestionPipelines.Pipeline("TestSuite", serviceType: "testSuite",
            connection: IngestionPipelines.Connection(sandbox.OpenMetadataHostPort, SandboxServer.OpenMetadataBotToken));

        await services.GetRequiredService<IRunConfigBuilder>().BuildAsync(IngestionPipelines.Element(payload), TestTimeouts.Token());

        Assert.Empty(sandbox.Services.GetRequiredService<ServiceCatalog>().Lookups);
    }

    [Fact]
    public async Task Build_MetadataPipeline_OneLookupAndTheServicesTypeAsSource()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var services = GatewayServices();
        var payload = IngestionPipelines.Pipeline("metadata",
            connection: IngestionPipelines.Connection(sandbox.OpenMetadataHostPort, SandboxServer.OpenMetadataBotToken));

        var built = await services.GetRequiredService<IRunConfigBuilder>().BuildAsync(IngestionPipelines.Element(payload), TestTimeouts.Token());

        Assert.Equal("mysql", built.Config["source"]!["type"]!.GetValue<string>());
        Assert.Equal(new ServiceLookupRecord("databaseServices", "mysql_prod", 200), Assert.Single(sandbox.Services.GetRequiredService<ServiceCatalog>().Lookups));
    }

    [Fact]
    public async Task Lookup_NothingListening_DidNotAnswerNamingTheUrl()
    {
        using var services = GatewayServices(timeoutSeconds: "1");
        var request = new ServiceLookupRequest("databaseService", "mysql_prod", "http://127.0.0.1:9/api", "t");

        var error = await Assert.ThrowsAsync<RunConfigException>(() => services.GetRequiredService<IOpenMetadataServiceLookup>()
            .LookupAsync(request, TestTimeouts.Token()));

        Assert.StartsWith("OpenMetadata did not answer GET http://127.0.0.1:9/api/v1/services/databaseServices/name/mysql_prod", error.Message, StringComparison.Ordinal);
    }

    private static ServiceLookupRequest Request(SandboxServer sandbox, string service, string token = SandboxServer.OpenMetadataBotToken) =>
        new("databaseService", service, sandbox.OpenMetadataHostPort, token);

    private static ServiceProvider GatewayServices(string? timeoutSeconds = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        if (timeoutSeconds is not null)
        {
            builder.Configuration["GATEWAY_OPENMETADATA_TIMEOUT_SECONDS"] = timeoutSeconds;
        }

        builder.AddRunConfigs();
        return builder.Services.BuildServiceProvider();
    }

    [Fact]
    public void ServiceUrl_FqnWithQuotesAndDots_EscapedIntoOneSegment()
    {
        var url = OpenMetadataServiceLookup.ServiceUrl(new ServiceLookupRequest("dashboardService", "\"my.looker\"", "https://om.example/api/", "t"));

        Assert.Equal("https://om.example/api/v1/services/dashboardServices/name/%22my.looker%22", url.AbsoluteUri);
    }
}
