using Agent.Gateway.Hosting;
using Agent.Gateway.Tests.Agents.Doubles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Agent.Gateway.Tests.Hosting;

/// <summary>
/// A bad setting stops start-up with one line that names the variable (Program.cs exits 2 on it). The one place every
/// variable is checked, for every slice: listeners, credentials, store, replica id, timeouts, logging.
/// </summary>
public sealed class GatewaySettingsTests
{
    private const string MissingFile = "/nonexistent/secret";

    [Theory]
    [InlineData("GATEWAY_PORT", "http", "GATEWAY_PORT must be a whole number", null)]
    [InlineData("GATEWAY_PORT", "70000", "GATEWAY_PORT must be a port number from 0 to 65535", null)]
    [InlineData("GATEWAY_HOST", "gateway.local", "GATEWAY_HOST must be an IP address", null)]
    [InlineData("GATEWAY_METRICS_PORT", "8080", "GATEWAY_PORT and GATEWAY_METRICS_PORT must differ", "GATEWAY_PORT=8080")]
    [InlineData("GATEWAY_ADMIN_PORT", "-1", "GATEWAY_ADMIN_PORT must be a port number from 0 to 65535", null)]
    [InlineData("GATEWAY_ADMIN_API_KEY", "short", "GATEWAY_ADMIN_API_KEY must hold at least 16 bytes", null)]
    [InlineData("GATEWAY_ADMIN_API_KEY_FILE", "/nonexistent/admin-key", "GATEWAY_ADMIN_API_KEY_FILE names a file that does not exist", null)]
    [InlineData("AIRFLOW_USERNAME", null, "AIRFLOW_USERNAME is required", null)]
    [InlineData("AIRFLOW_PASSWORD", null, "AIRFLOW_PASSWORD (or AIRFLOW_PASSWORD_FILE) is required", null)]
    [InlineData("AIRFLOW_PASSWORD_FILE", MissingFile, "AIRFLOW_PASSWORD_FILE names a file that does not exist", "AIRFLOW_PASSWORD=")]
    [InlineData("AIRFLOW_PASSWORD_FILE", MissingFile, "set AIRFLOW_PASSWORD or AIRFLOW_PASSWORD_FILE, not both", null)]
    [InlineData("GATEWAY_AGENTS_FILE", null, "GATEWAY_AGENTS_FILE is required", null)]
    [InlineData("GATEWAY_OPENMETADATA_VERSION", "latest", "GATEWAY_OPENMETADATA_VERSION must be a release", null)]
    [InlineData("GATEWAY_OPENMETADATA_VERSION", "1.13", "GATEWAY_OPENMETADATA_VERSION must be a release major.minor.patch", null)]
    [InlineData("GATEWAY_STORE", "mongo", "GATEWAY_STORE must be sqlite or postgres (got 'mongo')", null)]
    [InlineData("GATEWAY_STORE", "postgres", "GATEWAY_POSTGRES_CONNECTION (or GATEWAY_POSTGRES_CONNECTION_FILE) is required", null)]
    [InlineData("GATEWAY_SQLITE_PATH", " ", "GATEWAY_SQLITE_PATH must not be empty", null)]
    [InlineData("GATEWAY_POSTGRES_CONNECTION", "Nonsense=1;Password=hunter2", "GATEWAY_POSTGRES_CONNECTION is not a valid Npgsql connection string", "GATEWAY_STORE=postgres")]
    [InlineData("GATEWAY_POSTGRES_CONNECTION_FILE", "/nonexistent/connection", "GATEWAY_POSTGRES_CONNECTION_FILE names a file that does not exist: '/nonexistent/connection'", "GATEWAY_STORE=postgres")]
    [InlineData("GATEWAY_POSTGRES_CONNECTION_FILE", "/run/secrets/pg", "set GATEWAY_POSTGRES_CONNECTION or GATEWAY_POSTGRES_CONNECTION_FILE, not both", "GATEWAY_POSTGRES_CONNECTION=Host=db;Password=hunter2")]
    [InlineData("GATEWAY_REPLICA_ID", "replica a", "GATEWAY_REPLICA_ID must be 1-40 letters, digits, '.', '_' or '-' (got 'replica a')", null)]
    [InlineData("GATEWAY_REPLICA_ID", "r2345678901234567890123456789012345678901", "GATEWAY_REPLICA_ID must be 1-40 letters", null)]
    [InlineData("GATEWAY_PRESENCE_TTL_SECONDS", "2", "GATEWAY_PRESENCE_TTL_SECONDS must be from 3 to 3600 seconds (got 2)", null)]
    [InlineData("GATEWAY_PRESENCE_TTL_SECONDS", "soon", "GATEWAY_PRESENCE_TTL_SECONDS must be a whole number", null)]
    [InlineData("GATEWAY_DEPLOY_TIMEOUT_SECONDS", "0", "GATEWAY_DEPLOY_TIMEOUT_SECONDS must be from 1 to 3600 seconds", null)]
    [InlineData("GATEWAY_REQUEST_TIMEOUT_SECONDS", "ten", "GATEWAY_REQUEST_TIMEOUT_SECONDS must be a whole number", null)]
    [InlineData("GATEWAY_REQUEST_TIMEOUT_SECONDS", "3601", "GATEWAY_REQUEST_TIMEOUT_SECONDS must be from 1 to 3600 seconds", null)]
    [InlineData("GATEWAY_OPENMETADATA_TIMEOUT_SECONDS", "301", "GATEWAY_OPENMETADATA_TIMEOUT_SECONDS must be from 1 to 300 seconds", null)]
    [InlineData("GATEWAY_OPENMETADATA_TIMEOUT_SECONDS", "0", "GATEWAY_OPENMETADATA_TIMEOUT_SECONDS must be from 1 to 300 seconds", null)]
    [InlineData("LOG_FORMAT", "xml", "LOG_FORMAT must be text or json", null)]
    [InlineData("LOG_LEVEL", "loud", "LOG_LEVEL must be one of", null)]
    public void BadSetting_IsOneLineNamingTheVariable(string variable, string? value, string expected, string? also)
    {
        var settings = new Dictionary<string, string?> { [variable] = value };
        if (also is not null)
        {
            var (name, alsoValue) = (also[..also.IndexOf('=', StringComparison.Ordinal)], also[(also.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            settings[name] = alsoValue.Length == 0 ? null : alsoValue;
        }

        var failure = Record.Exception(() => GatewayTestHost.Build(new GatewayDoubles(), settings).UseGatewayHosting());

        Assert.NotNull(failure);
        Assert.True(GatewayStartupFailure.TryDescribe(failure, out var description), failure.ToString());
        Assert.StartsWith(expected, description, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', description);
        Assert.DoesNotContain("hunter2", description, StringComparison.Ordinal);
        if (variable == "GATEWAY_ADMIN_API_KEY")
        {
            Assert.DoesNotContain($"'{value}'", description, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        var app = GatewayTestHost.Build(new GatewayDoubles(), new Dictionary<string, string?>
        {
            ["GATEWAY_PORT"] = null, ["GATEWAY_METRICS_PORT"] = null, ["GATEWAY_ADMIN_PORT"] = null, ["GATEWAY_HOST"] = null, ["LOG_LEVEL"] = null,
        });

        var options = app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value;

        Assert.Equal((8080, "0.0.0.0", 8989, 8587, "127.0.0.1"), (options.Port, options.Host, options.MetricsPort, options.AdminPort, options.AdminHost));
        Assert.Equal((TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5)), (options.DeployTimeout, options.RequestTimeout, options.OpenMetadataTimeout));
        Assert.Equal(("1.13.3", "sqlite", "/var/lib/agent-gateway/gateway.db"), (options.OpenMetadataVersion, options.Store, options.SqlitePath));
        Assert.Equal(("text", "Information"), (options.LogFormat, options.LogLevel));
        Assert.Equal(TimeSpan.FromSeconds(3 * Agent.Gateway.Agents.AgentSession.HeartbeatSeconds), options.PresenceTtl);
    }
}
