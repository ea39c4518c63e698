using System.Text.Json.Nodes;
using Agent.Core.Executors.Argo.Customization;
using Agent.Gateway.Configs;
using Agent.Sandbox.Argo.Image;

namespace Agent.Gateway.Tests.Configs;

/// <summary>The config as YAML text for the agent: run id added per run, strings kept strings, readable back as the same tree.</summary>
public sealed class RunConfigTextTests
{
    private static JsonObject Config() => new()
    {
        ["source"] = new JsonObject
        {
            ["type"] = "mysql",
            ["serviceName"] = "mysql_prod",
            ["sourceConfig"] = new JsonObject
            {
                ["config"] = new JsonObject
                {
                    ["type"] = "DatabaseMetadata",
                    ["markDeletedTables"] = true,
                    ["threads"] = 4,
                    ["ratio"] = 0.5,
                    ["schemaFilterPattern"] = new JsonObject { ["includes"] = new JsonArray("^sales$", "*", "- dash", "a: b #c") },
                    ["looksLikeNumber"] = "1.0",
                    ["looksLikeInt"] = "0012",
                    ["looksLikeBool"] = "true",
                    ["yamlYes"] = "on",
                    ["looksLikeDate"] = "2024-01-01",
                    ["looksLikeNull"] = "null",
                    ["empty"] = "",
                    ["multiLine"] = "line one\nline two",
                    ["nothing"] = null,
                },
            },
        },
        ["sink"] = new JsonObject { ["type"] = "metadata-rest", ["config"] = new JsonObject() },
        ["workflowConfig"] = new JsonObject
        {
            ["loggerLevel"] = "INFO",
            ["openMetadataServerConfig"] = IngestionPipelines.Connection(token: "eyJhbGciOi.J9+/=.sig"),
        },
        ["ingestionPipelineFQN"] = "mysql_prod.\"odd name\"",
        ["enableStreamableLogs"] = false,
    };

    [Fact]
    public void Render_WithRunId_PipelineRunIdAtTopLevelAndConfigUntouched()
    {
        var config = Config();

        var yaml = RunConfigText.Render(config, "6f1c2d3e-0000-4000-8000-000000000abc");

        // Quoted: it starts with a digit, and the writer only leaves letter-led words plain.
        Assert.Contains("\npipelineRunId: \"6f1c2d3e-0000-4000-8000-000000000abc\"\n", yaml, StringComparison.Ordinal);
        Assert.False(config.ContainsKey(RunConfigText.RunIdKey));
    }

    [Fact]
    public void Render_NoRunId_NoPipelineRunId()
    {
        Assert.DoesNotContain("pipelineRunId", RunConfigText.Render(Config(), runId: null), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ReadBackByAYamlReader_TheSameTreeWithStringsStillStrings()
    {
        var yaml = RunConfigText.Render(Config(), "6f1c2d3e-0000-4000-8000-000000000abc");

        // YamlToJson gives plain scalars their YAML type (true, 4, 0.5, null), so a string written plain that looks
        // like a number, a boolean or null would come back as one and the trees would differ.
        var expected = Config();
        expected[RunConfigText.RunIdKey] = "6f1c2d3e-0000-4000-8000-000000000abc";
        var readBack = YamlToJson.Parse(yaml);
        Assert.True(JsonNode.DeepEquals(expected, readBack), yaml);
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("true")]
    [InlineData("on")]
    [InlineData("2024-01-01")]
    [InlineData("null")]
    public void Render_StringsThatLookTyped_AreQuoted(string text)
    {
        var yaml = RunConfigText.Render(new JsonObject { ["value"] = text }, runId: null);

        Assert.Equal($"value: \"{text}\"\n", yaml.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_PlainWordsNumbersAndBooleans_WrittenPlain()
    {
        var yaml = RunConfigText.Render(new JsonObject { ["type"] = "metadata-rest", ["threads"] = 4, ["on"] = false }, runId: null);

        Assert.Equal("type: metadata-rest\nthreads: 4\n\"on\": false\n", yaml.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_AcceptedByTheSandboxImagesConfigChecks()
    {
        var yaml = RunConfigText.Render(Config(), "6f1c2d3e-0000-4000-8000-000000000abc");

        var document = ConfigDocument.LoadMapping(yaml, ConfigSchema.WorkflowModel);
        ConfigSchema.RequireWorkflowConfig(document);
        Assert.Equal("6f1c2d3e-0000-4000-8000-000000000abc", ConfigSchema.RunId(ConfigDocument.StringAt(document, RunConfigText.RunIdKey), ConfigSchema.WorkflowModel));
    }

    [Fact]
    public void WithAppConfigOverride_TopLevelKeysReplacedOthersKept()
    {
        // buildOMApplicationConfig @30b1a60d: configMap.putAll(configOverride), a shallow merge into appConfig.
        var config = new JsonObject
        {
            ["sourcePythonClass"] = "x.App",
            ["appConfig"] = new JsonObject { ["type"] = "AutoTagger", ["confidenceLevel"] = 80, ["nested"] = new JsonObject { ["a"] = 1, ["b"] = 2 } },
        };

        var merged = RunConfigText.WithAppConfigOverride(config, new JsonObject { ["confidenceLevel"] = 95, ["nested"] = new JsonObject { ["a"] = 3 } });

        Assert.True(JsonNode.DeepEquals(
            new JsonObject { ["type"] = "AutoTagger", ["confidenceLevel"] = 95, ["nested"] = new JsonObject { ["a"] = 3 } },
            merged["appConfig"]));
        Assert.Equal(80, config["appConfig"]!["confidenceLevel"]!.GetValue<int>());
    }

    [Fact]
    public void WithAppConfigOverride_NoAppConfig_CreatesIt()
    {
        var merged = RunConfigText.WithAppConfigOverride(new JsonObject { ["sourcePythonClass"] = "x.App" }, new JsonObject { ["k"] = "v" });

        Assert.Equal("v", merged["appConfig"]!["k"]!.GetValue<string>());
    }
}
