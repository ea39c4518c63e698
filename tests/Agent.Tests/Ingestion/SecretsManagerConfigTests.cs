using System.Text.Json;
using System.Text.Json.Nodes;
using Agent.Core.Executors.Argo.Customization;
using Agent.Core.Ingestion;
using Microsoft.Extensions.Options;

namespace Agent.Tests.Ingestion;

/// <summary>SECRETS_MANAGER is written into the connection the ingestion image builds its secrets manager from (FIDELITY §8.4).</summary>
public sealed class SecretsManagerConfigTests
{
    private const string YamlConfig = """
        source:
          type: mysql
          serviceConnection:
            config:
              password: secret:/prod/mysql   # a reference the customer's manager resolves
              query: "select 'a' -- a rather long line that an emitter with a narrow width would fold onto two lines, which must not happen"
        workflowConfig:
          loggerLevel: DEBUG
          openMetadataServerConfig:
            hostPort: https://collate.example.com/api
            secretsManagerProvider: db
            secretsManagerLoader: noop
            authProvider: openmetadata
        """;

    [Fact]
    public void Apply_YamlConfig_SetsProviderAndLoaderAndKeepsEverythingElseAndUnsetChangesNothing()
    {
        var config = JsonSerializer.SerializeToElement(YamlConfig);
        Assert.Equal(config.GetRawText(), Rewriter(null).Apply(config).GetRawText());

        var applied = Rewriter("kubernetes").Apply(config).GetString()!;

        var expected = YamlToJson.Parse(YamlConfig)!;
        expected["workflowConfig"]!["openMetadataServerConfig"]!["secretsManagerProvider"] = "kubernetes";
        expected["workflowConfig"]!["openMetadataServerConfig"]!["secretsManagerLoader"] = "env";
        Assert.True(JsonNode.DeepEquals(expected, YamlToJson.Parse(applied)), applied);
        Assert.Equal(
            ["hostPort", "secretsManagerProvider", "secretsManagerLoader", "authProvider"],
            YamlToJson.Parse(applied)!["workflowConfig"]!["openMetadataServerConfig"]!.AsObject().Select(pair => pair.Key));
        Assert.Contains("which must not happen\"", applied, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_JsonTextWithoutProvider_AddsProviderAndLoaderAndKeepsText()
    {
        const string Json = """{"source":{"type":"mysql","serviceConnection":{"config":{"password":"secret:/é/x"}}},"workflowConfig":{"openMetadataServerConfig":{"hostPort":"h"}}}""";

        var applied = Rewriter("managed-aws").Apply(JsonSerializer.SerializeToElement(Json)).GetString()!;

        Assert.Equal(
            """{"source":{"type":"mysql","serviceConnection":{"config":{"password":"secret:/é/x"}}},"workflowConfig":{"openMetadataServerConfig":{"hostPort":"h","secretsManagerProvider":"managed-aws","secretsManagerLoader":"env"}}}""",
            applied);
    }

    [Fact]
    public void Apply_AutomationWorkflowObject_SetsTheTopLevelServerConnection()
    {
        var workflow = JsonDocument.Parse("""
            {"name":"test-connection-x","workflowType":"TEST_CONNECTION","request":{"connection":{"config":{"password":"secret:x"}}},
             "openMetadataServerConnection":{"hostPort":"h","secretsManagerProvider":"aws","secretsManagerLoader":"noop"}}
            """).RootElement;

        var applied = JsonNode.Parse(Rewriter("gcp").Apply(workflow).GetRawText())!;

        Assert.Equal("gcp", (string?)applied["openMetadataServerConnection"]!["secretsManagerProvider"]);
        Assert.Equal("env", (string?)applied["openMetadataServerConnection"]!["secretsManagerLoader"]);
        Assert.Equal("secret:x", (string?)applied["request"]!["connection"]!["config"]!["password"]);
        Assert.Equal("test-connection-x", (string?)applied["name"]);
    }

    [Theory]
    [InlineData("source:\n  type: mysql\n")]
    [InlineData("{\"name\": \"no connection here\"}")]
    [InlineData("source: [unclosed")]
    public void Apply_ConfigWithoutAConnection_LeavesItAsSent(string config)
    {
        var element = JsonSerializer.SerializeToElement(config);

        Assert.Equal(element.GetRawText(), Rewriter("kubernetes").Apply(element).GetRawText());
    }

    private static SecretsManagerConfig Rewriter(string? provider) =>
        new(Options.Create(new IngestionOptions { Image = "i", SecretsManager = provider }));
}
