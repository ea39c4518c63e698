using System.Text.RegularExpressions;

namespace Agent.IntegrationTests.Deployment;

/// <summary>docs/gateway.md documents every gateway setting and every OpenMetadata setting an operator must set, and the pin.</summary>
public sealed partial class GatewayDocsTests
{
    private static readonly string Page = RepositoryFiles.Read("docs/gateway.md");

    [Fact]
    public void SettingsTable_ListsExactlyTheGatewaySettings()
    {
        var names = TableRows(Section("## Gateway settings"))
            .SelectMany(firstCell => BacktickedName().Matches(firstCell).Select(match => match.Groups["name"].Value))
            .ToList();

        // Each documented variable is a property of GatewayOptions bound by that name, and nothing it binds is undocumented.
        Assert.All(names, name => Assert.True(GatewaySettings.PropertyByVariable.ContainsKey(name), $"{name} is not a ConfigurationKeyName of GatewayOptions"));
        Assert.Equal(GatewaySettings.All.Order(), names.Order());
        Assert.All(GatewaySettings.Secrets, secret => Assert.Contains(secret, GatewaySettings.All));
    }

    [Fact]
    public void OpenMetadataTable_CoversTheServerSettingsThatPointOpenMetadataAtTheGateway()
    {
        string[] expected =
        [
            "PIPELINE_SERVICE_CLIENT_ENABLED", "PIPELINE_SERVICE_CLIENT_CLASS_NAME", "PIPELINE_SERVICE_CLIENT_ENDPOINT",
            "AIRFLOW_USERNAME", "AIRFLOW_PASSWORD", "AIRFLOW_TIMEOUT", "AIRFLOW_TRUST_STORE_PATH", "AIRFLOW_TRUST_STORE_PASSWORD",
            "SERVER_HOST_API_URL", "PIPELINE_SERVICE_CLIENT_HEALTH_CHECK_INTERVAL", "PIPELINE_SERVICE_IP_INFO_ENABLED",
            "PIPELINE_SERVICE_CLIENT_HOST_IP", "PIPELINE_SERVICE_CLIENT_VERIFY_SSL", "PIPELINE_SERVICE_CLIENT_SSL_CERT_PATH",
        ];
        var documented = TableRows(Section("## OpenMetadata server settings"))
            .SelectMany(firstCell => BacktickedName().Matches(firstCell).Select(match => match.Groups["name"].Value))
            .ToHashSet(StringComparer.Ordinal);

        Assert.All(expected, name => Assert.Contains(name, documented));
        Assert.Contains("org.openmetadata.service.clients.pipeline.airflow.AirflowRESTClient", Page, StringComparison.Ordinal);
        Assert.Contains("keytool -importcert", Page, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_NamesThePinnedReleaseAndIsLinkedFromTheReadme()
    {
        Assert.Contains("OpenMetadata 1.13.3", Page, StringComparison.Ordinal);
        Assert.Contains("`03fa0ab6`", Page, StringComparison.Ordinal);
        Assert.Contains("1.13.3.2", Page, StringComparison.Ordinal);
        Assert.Contains("[docs/gateway.md](docs/gateway.md)", RepositoryFiles.Read("README.md"), StringComparison.Ordinal);
    }

    /// <summary>The text from a heading to the next heading of the same level.</summary>
    private static string Section(string heading)
    {
        var start = Page.IndexOf(heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/gateway.md has no '{heading}'");
        var end = Page.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return end < 0 ? Page[start..] : Page[start..end];
    }

    /// <summary>The first cell of each body row of the section's table.</summary>
    private static IEnumerable<string> TableRows(string section) =>
        section.Split('\n').Where(line => line.StartsWith('|')).Skip(2).Select(line => line.Split('|')[1]);

    [GeneratedRegex(@"`(?<name>[A-Z][A-Z0-9_]+)`")]
    private static partial Regex BacktickedName();
}
