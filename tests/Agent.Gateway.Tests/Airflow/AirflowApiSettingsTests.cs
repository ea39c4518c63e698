using Agent.Gateway.Airflow;
using Microsoft.Extensions.Configuration;

namespace Agent.Gateway.Tests.Airflow;

public sealed class AirflowApiSettingsTests
{
    [Fact]
    public void Defaults_AreThePinnedReleaseAndTheDocumentedBounds()
    {
        var settings = AirflowApiSettings.Load(Configuration(("AIRFLOW_USERNAME", "u"), ("AIRFLOW_PASSWORD", "p")));

        Assert.Equal(OpenMetadataRelease.Version, settings.OpenMetadataVersion);
        Assert.Equal(TimeSpan.FromSeconds(15), settings.DeployTimeout);
        Assert.Equal(TimeSpan.FromSeconds(10), settings.RequestTimeout);
    }

    [Theory]
    [InlineData("GATEWAY_OPENMETADATA_VERSION", "1.13")]
    [InlineData("GATEWAY_DEPLOY_TIMEOUT_SECONDS", "0")]
    [InlineData("GATEWAY_REQUEST_TIMEOUT_SECONDS", "ten")]
    [InlineData("AIRFLOW_USERNAME", "")]
    public void BadValue_IsRefusedNamingTheVariable(string name, string value)
    {
        var configuration = Configuration(("AIRFLOW_USERNAME", "u"), ("AIRFLOW_PASSWORD", "p"), (name, value));

        var error = Assert.Throws<InvalidOperationException>(() => AirflowApiSettings.Load(configuration));

        Assert.StartsWith(name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PasswordFile_IsReadWithoutItsTrailingNewline()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "from-file\n");

            var settings = AirflowApiSettings.Load(Configuration(("AIRFLOW_USERNAME", "u"), ("AIRFLOW_PASSWORD_FILE", path)));

            Assert.Equal("from-file", settings.Password);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Later values replace earlier ones, as a later environment variable would.</summary>
    private static IConfiguration Configuration(params (string Name, string Value)[] values)
    {
        var settings = new Dictionary<string, string?>();
        foreach (var (name, value) in values)
        {
            settings[name] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }
}
