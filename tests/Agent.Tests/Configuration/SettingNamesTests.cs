using Agent.Core.Ingestion;
using Agent.Web.Configuration;
using Agent.Web.Hosting;
using Agent.Web.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Agent.Tests.Configuration;

/// <summary>Generated validation messages are said with the operator's variable and value, never a secret's value.</summary>
public sealed class SettingNamesTests
{
    [Fact]
    public void TryDescribe_BadQuantity_NamesTheSpellingUsedAndTheValue()
    {
        var configuration = Configuration(
            ("Ingestion:Resources:MemoryLimit", "4GB"), ("Ingestion:Resources:MemoryLimitVariable", "ARGO_WORKFLOW_MEMORY_LIMIT"));
        var failures = new IngestionOptionsValidator().Validate(null, new IngestionOptions
        {
            Image = "openmetadata/ingestion:1.9.0",
            Resources = new PodResources { MemoryLimit = "4GB" },
        }).Failures!;

        StartupFailure.TryDescribe(new OptionsValidationException(string.Empty, typeof(IngestionOptions), failures), configuration, null, out var description);

        Assert.Equal("ARGO_WORKFLOW_MEMORY_LIMIT=4GB is not a Kubernetes quantity (e.g. 4Gi, 4G, 512Mi)", description);
    }

    [Fact]
    public void TryDescribe_UnknownLogFormat_ListsTheAcceptedValues()
    {
        var failures = new LoggingOptionsValidator().Validate(null, new LoggingOptions { Format = "yaml" }).Failures!;

        StartupFailure.TryDescribe(new OptionsValidationException(string.Empty, typeof(LoggingOptions), failures), Configuration(("Logging:Format", "yaml")), null, out var description);

        Assert.Equal("LOG_FORMAT=yaml is not a log format: use text or json", description);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("JSON")]
    public void LoggingOptionsValidator_KnownFormat_Accepted(string format) =>
        Assert.True(new LoggingOptionsValidator().Validate(null, new LoggingOptions { Format = format }).Succeeded);

    [Fact]
    public void TryDescribe_SecretSetting_NamesTheVariableWithoutTheValue()
    {
        var exception = new OptionsValidationException(string.Empty, typeof(ServerOptions), ["AdminApiKey: ServerOptions.AdminApiKey is wrong"]);

        StartupFailure.TryDescribe(exception, Configuration(("Server:AdminApiKey", "secret-canary-1234567")), null, out var description);

        Assert.Equal("ADMIN_API_KEY is wrong", description);
    }

    [Fact]
    public void TryDescribe_ValueWithLineBreak_NamesTheVariableOnly()
    {
        var exception = new OptionsValidationException(string.Empty, typeof(ServerOptions),
            ["MetricsPath: ServerOptions.MetricsPath is wrong"]);

        StartupFailure.TryDescribe(exception, Configuration(("Server:MetricsPath", "/a\n/b")), null, out var description);

        Assert.Equal("METRICS_SERVER_PATH is wrong", description);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value))).Build();
}
