using Agent.Gateway.Hosting;
using Agent.Gateway.Tests.Agents.Doubles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Agent.Gateway.Tests.Hosting;

/// <summary>A bad setting stops start-up with one line that names the variable (Program.cs exits 2 on it).</summary>
public sealed class GatewaySettingsTests
{
    [Theory]
    [InlineData("GATEWAY_PORT", "http", "GATEWAY_PORT must be a whole number")]
    [InlineData("GATEWAY_PORT", "70000", "GATEWAY_PORT must be a port number from 0 to 65535")]
    [InlineData("GATEWAY_HOST", "gateway.local", "GATEWAY_HOST must be an IP address")]
    [InlineData("GATEWAY_METRICS_PORT", "8080", "GATEWAY_PORT and GATEWAY_METRICS_PORT must differ")]
    [InlineData("GATEWAY_ADMIN_API_KEY", "short", "GATEWAY_ADMIN_API_KEY must hold at least 16 bytes")]
    [InlineData("GATEWAY_ADMIN_API_KEY_FILE", "/nonexistent/admin-key", "GATEWAY_ADMIN_API_KEY_FILE names a file that does not exist")]
    [InlineData("AIRFLOW_USERNAME", null, "AIRFLOW_USERNAME is required")]
    [InlineData("AIRFLOW_PASSWORD", null, "AIRFLOW_PASSWORD (or AIRFLOW_PASSWORD_FILE) is required")]
    [InlineData("GATEWAY_AGENTS_FILE", null, "GATEWAY_AGENTS_FILE is required")]
    [InlineData("GATEWAY_OPENMETADATA_VERSION", "latest", "GATEWAY_OPENMETADATA_VERSION must be a release")]
    [InlineData("GATEWAY_STORE", "mysql", "GATEWAY_STORE must be sqlite or postgres")]
    [InlineData("GATEWAY_STORE", "postgres", "GATEWAY_POSTGRES_CONNECTION (or GATEWAY_POSTGRES_CONNECTION_FILE) is required")]
    [InlineData("GATEWAY_DEPLOY_TIMEOUT_SECONDS", "0", "GATEWAY_DEPLOY_TIMEOUT_SECONDS must be from 1 to 3600 seconds")]
    [InlineData("GATEWAY_REQUEST_TIMEOUT_SECONDS", "ten", "GATEWAY_REQUEST_TIMEOUT_SECONDS must be a whole number")]
    [InlineData("LOG_FORMAT", "xml", "LOG_FORMAT must be text or json")]
    [InlineData("LOG_LEVEL", "loud", "LOG_LEVEL must be one of")]
    public void BadSetting_IsOneLineNamingTheVariable(string variable, string? value, string expected)
    {
        var settings = new Dictionary<string, string?> { [variable] = value };
        if (variable == "GATEWAY_METRICS_PORT")
        {
            settings["GATEWAY_PORT"] = "8080";
        }

        var failure = Record.Exception(() => GatewayTestHost.Build(new GatewayDoubles(), settings).UseGatewayHosting());

        Assert.NotNull(failure);
        Assert.True(GatewayStartupFailure.TryDescribe(failure, out var description), failure.ToString());
        Assert.StartsWith(expected, description, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', description);
        if (variable == "GATEWAY_ADMIN_API_KEY")
        {
            Assert.DoesNotContain($"'{value}'", description, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Defaults_AreTheDocumentedOnes_AndSecretFilesAreRead()
    {
        var password = Path.GetTempFileName();
        File.WriteAllText(password, "from-the-file\n");
        try
        {
            var app = GatewayTestHost.Build(new GatewayDoubles(), new Dictionary<string, string?>
            {
                ["GATEWAY_PORT"] = null, ["GATEWAY_METRICS_PORT"] = null, ["GATEWAY_ADMIN_PORT"] = null, ["GATEWAY_HOST"] = null,
                ["AIRFLOW_PASSWORD"] = null, ["AIRFLOW_PASSWORD_FILE"] = password,
            });

            var options = app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value;

            Assert.Equal((8080, "0.0.0.0", 8989, 8587, "127.0.0.1"), (options.Port, options.Host, options.MetricsPort, options.AdminPort, options.AdminHost));
            Assert.Equal((TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5)), (options.DeployTimeout, options.RequestTimeout, options.OpenMetadataTimeout));
            Assert.Equal(("1.13.3", "sqlite", "/var/lib/agent-gateway/gateway.db"), (options.OpenMetadataVersion, options.Store, options.SqlitePath));
            Assert.Equal("from-the-file", options.AirflowPassword);
            Assert.False(string.IsNullOrWhiteSpace(options.ReplicaId));
        }
        finally
        {
            File.Delete(password);
        }
    }
}
