using System.Text.Json.Nodes;
using Agent.Gateway.Configs;

namespace Agent.Gateway.Tests.Configs;

/// <summary>
/// The WorkflowConfigBuilder port, one test per pipeline type against the tree upstream builds (OM
/// WorkflowConfigBuilder.java @30b1a60d and config/types/*WorkflowConfig.java, commits cited per case).
/// </summary>
public sealed class RunConfigBuilderTests
{
    [Fact]
    public async Task Build_Metadata_SourceAndMetadataRestSink()
    {
        // MetadataWorkflowConfig @7d26ecb7: buildDefaultSource + buildDefaultSink.
        var built = await BuildAsync("metadata");

        AssertTree(Expected("metadata", new JsonObject
        {
            ["source"] = Source("mysql"),
            ["sink"] = Step("metadata-rest"),
        }), built.Config);
    }

    [Fact]
    public async Task Build_Usage_QueryParserStageAndBulkSinkOnOneFileNoSink()
    {
        // UsageWorkflowConfig @2c51e4b4: "<type>-usage", query-parser, table-usage and metadata-usage share the filename.
        var sourceConfig = new JsonObject { ["config"] = new JsonObject { ["type"] = "DatabaseUsage", ["stageFileLocation"] = "/tmp/usage" } };
        var built = await BuildAsync("usage", sourceConfig);

        AssertTree(Expected("usage", new JsonObject
        {
            ["source"] = Source("mysql-usage", sourceConfig),
            ["processor"] = Step("query-parser"),
            ["stage"] = Step("table-usage", new JsonObject { ["filename"] = "/tmp/usage" }),
            ["bulkSink"] = Step("metadata-usage", new JsonObject { ["filename"] = "/tmp/usage" }),
        }), built.Config);
    }

    [Fact]
    public async Task Build_UsageWithoutStageFile_RandomTmpPathOfSixCharacters()
    {
        var built = await BuildAsync("usage", new JsonObject { ["config"] = new JsonObject { ["type"] = "DatabaseUsage" } });

        var filename = built.Config["stage"]!["config"]!["filename"]!.GetValue<string>();
        Assert.Matches("^/tmp/openmetadata/[0-9a-f]{6}$", filename);
        Assert.Equal(filename, built.Config["bulkSink"]!["config"]!["filename"]!.GetValue<string>());
    }

    [Fact]
    public async Task Build_Lineage_LineageSourceAndSink()
    {
        // LineageWorkflowConfig @22a4c384.
        var built = await BuildAsync("lineage");

        AssertTree(Expected("lineage", new JsonObject { ["source"] = Source("mysql-lineage"), ["sink"] = Step("metadata-rest") }), built.Config);
    }

    [Fact]
    public async Task Build_ProfilerWithMetrics_OrmProfilerNamedIngestionProfiler()
    {
        // ProfilerWorkflowConfig @0c8355f1: metrics become profiler {name: "ingestion-profiler", metrics}.
        var sourceConfig = new JsonObject { ["config"] = new JsonObject { ["type"] = "Profiler", ["metrics"] = new JsonArray("rowCount", "nullCount") } };
        var built = await BuildAsync("profiler", sourceConfig);

        AssertTree(Expected("profiler", new JsonObject
        {
            ["source"] = Source("mysql", sourceConfig),
            ["processor"] = Step("orm-profiler", new JsonObject
            {
                ["profiler"] = new JsonObject { ["name"] = "ingestion-profiler", ["metrics"] = new JsonArray("rowCount", "nullCount") },
            }),
            ["sink"] = Step("metadata-rest"),
        }), built.Config);
    }

    [Fact]
    public async Task Build_ProfilerWithoutMetrics_EmptyProcessorConfig()
    {
        var built = await BuildAsync("profiler");

        AssertTree(Step("orm-profiler"), built.Config["processor"]);
    }

    [Fact]
    public async Task Build_AutoClassification_TagPiiProcessor()
    {
        // AutoClassificationWorkflowConfig @1690d47c.
        var built = await BuildAsync("autoClassification");

        AssertTree(Expected("autoClassification", new JsonObject
        {
            ["source"] = Source("mysql"),
            ["processor"] = Step("tag-pii-processor"),
            ["sink"] = Step("metadata-rest"),
        }), built.Config);
    }

    [Fact]
    public async Task Build_TestSuite_OrmTestRunnerAndNoServiceLookup()
    {
        // TestSuiteWorkflowConfig @4d497f44; build_source (common.py @01450e13) does not look a service up for testSuite.
        var lookup = new FakeServiceLookup();
        var payload = IngestionPipelines.Pipeline("TestSuite", serviceType: "testSuite", serviceName: "mysql_prod");

        var built = await new RunConfigBuilder(lookup).BuildAsync(IngestionPipelines.Element(payload), TestTimeouts.Token());

        Assert.Empty(lookup.Requests);
        Assert.Equal("testsuite", built.Config["source"]!["type"]!.GetValue<string>());
        AssertTree(Step("orm-test-runner"), built.Config["processor"]);
        AssertTree(Step("metadata-rest"), built.Config["sink"]);
    }

    [Fact]
    public async Task Build_Dbt_DbtSourceAndSink()
    {
        // DBTWorkflowConfig @a7d20534.
        var built = await BuildAsync("dbt");

        AssertTree(Expected("dbt", new JsonObject { ["source"] = Source("dbt"), ["sink"] = Step("metadata-rest") }), built.Config);
    }

    [Fact]
    public async Task Build_Application_OpenMetadataAppConfigWithoutLookup()
    {
        // buildOMApplicationConfig @30b1a60d + ApplicationWorkflowConfig @52a6c3ad: the ApplicationPipeline fields, then
        // the common workflowConfig / FQN / streamable logs, and the pipeline's own ingestionRunner name.
        var lookup = new FakeServiceLookup();
        var appPipeline = new JsonObject
        {
            ["type"] = "Application",
            ["sourcePythonClass"] = "metadata.applications.auto_tagger.app.AutoTaggerApp",
            ["appConfig"] = new JsonObject { ["type"] = "AutoTagger", ["confidenceLevel"] = 80 },
        };
        var payload = IngestionPipelines.Pipeline("application", new JsonObject { ["config"] = appPipeline }, serviceType: "metadataService", serviceName: "OpenMetadata");
        payload["ingestionRunner"] = new JsonObject { ["type"] = "ingestionRunner", ["name"] = "agent-eu" };

        var built = await new RunConfigBuilder(lookup).BuildAsync(IngestionPipelines.Element(payload), TestTimeouts.Token());

        Assert.Empty(lookup.Requests);
        AssertTree(new JsonObject
        {
            ["sourcePythonClass"] = "metadata.applications.auto_tagger.app.AutoTaggerApp",
            ["appConfig"] = new JsonObject { ["type"] = "AutoTagger", ["confidenceLevel"] = 80 },
            ["workflowConfig"] = new JsonObject { ["loggerLevel"] = "DEBUG", ["openMetadataServerConfig"] = IngestionPipelines.Connection() },
            ["ingestionPipelineFQN"] = "OpenMetadata.OpenMetadata_application_Ab12Cd",
            ["enableStreamableLogs"] = false,
            ["ingestionRunnerName"] = "agent-eu",
        }, built.Config);
    }

    [Fact]
    public async Task Build_ServiceWithIngestionRunner_IngestionRunnerName()
    {
        var built = await BuildAsync("metadata", lookup: new FakeServiceLookup("Snowflake", "runner-7"));

        Assert.Equal("snowflake", built.Config["source"]!["type"]!.GetValue<string>());
        Assert.Equal("runner-7", built.Config["ingestionRunnerName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Build_Lookup_PayloadsHostPortTokenAndServiceReference()
    {
        var lookup = new FakeServiceLookup();

        var built = await BuildAsync("metadata", lookup: lookup);

        var request = Assert.Single(lookup.Requests);
        Assert.Equal(new ServiceLookupRequest("databaseService", "mysql_prod", "http://om:8585/api", IngestionPipelines.BotToken), request);
        Assert.Equal("mysql_prod", built.ServiceFqn);
        Assert.Equal("mysql_prod.mysql_prod_metadata_Ab12Cd", built.Pipeline.FullyQualifiedName);
        Assert.DoesNotContain(IngestionPipelines.BotToken, request.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_NoLoggerLevel_Info()
    {
        var payload = IngestionPipelines.Pipeline("metadata");
        payload.Remove("loggerLevel");

        var built = await new RunConfigBuilder(new FakeServiceLookup()).BuildAsync(IngestionPipelines.Element(payload), TestTimeouts.Token());

        Assert.Equal("INFO", built.Config["workflowConfig"]!["loggerLevel"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("openMetadataServerConnection", "has no openMetadataServerConnection")]
    [InlineData("securityConfig", "openMetadataServerConnection has no securityConfig")]
    public async Task Build_MissingBotConnection_ClearErrorAndNoLookup(string removed, string expected)
    {
        var lookup = new FakeServiceLookup();
        var payload = IngestionPipelines.Pipeline("metadata");
        if (removed == "securityConfig")
        {
            payload["openMetadataServerConnection"]!.AsObject().Remove("securityConfig");
        }
        else
        {
            payload.Remove(removed);
        }

        var error = await Assert.ThrowsAsync<RunConfigException>(() => new RunConfigBuilder(lookup).BuildAsync(IngestionPipelines.Element(payload), TestTimeouts.Token()));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Empty(lookup.Requests);
    }

    [Theory]
    [InlineData("dataInsight")]
    [InlineData("elasticSearchReindex")]
    [InlineData("policyAgent")]
    public async Task Build_UnsupportedType_NotImplementedPipelineTypeNamingIt(string pipelineType)
    {
        // WorkflowConfigBuilder @30b1a60d default branch: IllegalArgumentException("Not implemented pipeline type: " + type).
        var error = await Assert.ThrowsAsync<RunConfigException>(() => BuildAsync(pipelineType));

        Assert.StartsWith($"Not implemented pipeline type: {pipelineType}", error.Message, StringComparison.Ordinal);
    }

    private static async Task<BuiltPipeline> BuildAsync(string pipelineType, JsonObject? sourceConfig = null, FakeServiceLookup? lookup = null) =>
        await new RunConfigBuilder(lookup ?? new FakeServiceLookup())
            .BuildAsync(IngestionPipelines.Element(IngestionPipelines.Pipeline(pipelineType, sourceConfig)), TestTimeouts.Token());

    private static JsonObject Source(string type, JsonObject? sourceConfig = null) => new()
    {
        ["type"] = type,
        ["serviceName"] = "mysql_prod",
        ["sourceConfig"] = sourceConfig?.DeepClone() ?? new JsonObject { ["config"] = new JsonObject { ["type"] = "DatabaseMetadata" } },
    };

    private static JsonObject Step(string type, JsonObject? config = null) => new() { ["type"] = type, ["config"] = config ?? [] };

    /// <summary>The type's part plus what buildOMWorkflowConfig adds to every type.</summary>
    private static JsonObject Expected(string pipelineType, JsonObject steps)
    {
        steps["workflowConfig"] = new JsonObject { ["loggerLevel"] = "DEBUG", ["openMetadataServerConfig"] = IngestionPipelines.Connection() };
        steps["ingestionPipelineFQN"] = $"mysql_prod.mysql_prod_{pipelineType}_Ab12Cd";
        steps["enableStreamableLogs"] = false;
        return steps;
    }

    private static void AssertTree(JsonNode expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(expected, actual), $"expected {expected.ToJsonString()}\nactual   {actual?.ToJsonString()}");
}
