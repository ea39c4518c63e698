using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Agent.IntegrationTests.Configuration;

/// <summary>A bad configuration stops the real process with one readable line and a non-zero exit code.</summary>
public sealed class StartupConfigurationTests
{
    private const string TokenCanary = "auth-token-canary-7c21";
    private const string ExtraEnvCanary = "extra-env-canary-value-93ab";

    public static TheoryData<string, string?, string> BadValues => new()
    {
        { "AGENT_ID", null, "AGENT_ID is required" },
        { "SERVER_URL", "collate.example.com", "SERVER_URL must be an absolute URL with a scheme" },
        { "SERVER_URL", "https://collate.example.com", "SERVER_URL must use wss://" },
        { "ARGO_TOKEN_FILE", "/var/run/secrets/argo/no-such-token", "ARGO_TOKEN_FILE names a file that does not exist: '/var/run/secrets/argo/no-such-token'" },
        { "ARGO_EXTRA_ENVS_NOOP", $"[AWS_DEFAULT_REGION:eu-west-1, {ExtraEnvCanary}]", "ARGO_EXTRA_ENVS_NOOP is malformed: item 2 has no ':'" },
        { "INGESTION_EXTRA_ENVS", "[AWS_DEFAULT_REGION:eu-west-1", "INGESTION_EXTRA_ENVS is malformed" },
        { "METRICS_SERVER_PORT", "eighty", "METRICS_SERVER_PORT must be a whole number" },
        { "INGESTION_AUTOMOUNT_SA_TOKEN", "false", "INGESTION_AUTOMOUNT_SA_TOKEN is false, so Argo needs an executor service account: set ARGO_WORKFLOW_EXECUTOR_SERVICE_ACCOUNT_NAME" },
        { "SECRETS_MANAGER", "in-memory", "SECRETS_MANAGER must be one of db, managed-aws, aws, managed-aws-ssm, aws-ssm, managed-azure-kv, azure-kv, gcp, kubernetes (got 'in-memory')" },
        { "SECRETS_MANAGER", "vault", "SECRETS_MANAGER must be one of" },
        { "ADMIN_SERVER_HOST", "0.0.0.0", "ADMIN_SERVER_HOST is 0.0.0.0, which is not loopback, and the admin API has no key" },
        { "ADMIN_API_KEY", "short-admin-key", "ADMIN_API_KEY must be at least 16" },
        { "METRICS_SERVER_PORT", "99999", "METRICS_SERVER_PORT=99999 is out of range: must be between 0 and 65535" },
        { "SHUTDOWN_GRACE_SECONDS", "601", "SHUTDOWN_GRACE_SECONDS=601 is out of range: must be between 0 and 600" },
        { "LOG_FORMAT", "yaml", "LOG_FORMAT=yaml is not a log format: use text or json" },
        { "DYNAMIC_INGESTION_VERSION_ENABLED", "yes", "DYNAMIC_INGESTION_VERSION_ENABLED must be true or false" },
        {
            "ARGO_EXTRA_ENVS_NOOP", $"{{\"AWS_SECRET_ACCESS_KEY\":\"{ExtraEnvCanary}\"}}",
            "ARGO_EXTRA_ENVS_NOOP is malformed: it is JSON, which is not the accepted form: write [KEY:value, KEY2:value2], e.g. [AWS_DEFAULT_REGION:eu-west-1]"
        },
        { "INGESTION_EXTRA_ENVS", $"[{{\"name\":\"A\",\"value\":\"{ExtraEnvCanary}\"}}]", "INGESTION_EXTRA_ENVS is malformed: it is JSON, which is not the accepted form" },
        { "INGESTION_MEMORY_LIMIT", "4GB", "INGESTION_MEMORY_LIMIT=4GB is not a Kubernetes quantity (e.g. 4Gi, 4G, 512Mi)" },
        { "INGESTION_CPU_LIMIT", "lots", "INGESTION_CPU_LIMIT=lots is not a Kubernetes quantity (e.g. 4Gi, 4G, 512Mi)" },
        { "INGESTION_CUSTOMER_TOLERATION", "dedicated=ingestion", "INGESTION_CUSTOMER_TOLERATION / ARGO_WORKFLOW_CUSTOMER_TOLERATION is no longer read" },
        { "ARGO_WORKFLOW_CUSTOMER_TOLERATION", "dedicated=ingestion", "put the tolerations in the YAML file named by ARGO_INGESTION_WORKFLOW_SPEC_FILE_PATH" },
        { "ARGO_AUTOMATION_WORKFLOW_CPU_REQUEST", "-1", "ARGO_AUTOMATION_WORKFLOW_CPU_REQUEST=-1 must not be negative" },
        // A sysctl file of mode 0200: procfs refuses reading it even to root, so this is a real permission denial.
        { "ADMIN_API_KEY_FILE", "/proc/sys/vm/drop_caches", "ADMIN_API_KEY_FILE cannot be read (permission denied): '/proc/sys/vm/drop_caches'" },
        { "ADMIN_API_KEY_FILE", "/proc", "ADMIN_API_KEY_FILE names a directory, not a file: '/proc'" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task Start_BadValue_PrintsOneLineNamingTheVariableAndExitsNonZero(string variable, string? value, string expected)
    {
        var environment = ValidEnvironment();
        environment[variable] = value;

        var outcome = await AgentProcess.RunToExitAsync(environment, TestTimeouts.Token());

        Assert.Equal(2, outcome.ExitCode);
        var line = Assert.Single(outcome.Lines);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain(TokenCanary, line, StringComparison.Ordinal);
        Assert.DoesNotContain(ExtraEnvCanary, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SeveralMissingValues_NamesEachInTheSameLine()
    {
        var outcome = await AgentProcess.RunToExitAsync(new Dictionary<string, string?>(), TestTimeouts.Token());

        Assert.Equal(2, outcome.ExitCode);
        var line = Assert.Single(outcome.Lines);
        foreach (var variable in new[] { "AGENT_ID", "SERVER_URL", "AUTH_TOKEN", "PIPELINE_SERVICE_CLIENT_ENDPOINT", "ARGO_INGESTION_IMAGE" })
        {
            Assert.Contains(variable, line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Start_AdminKeyFileShorterThan16Bytes_PrintsOneLineNamingTheVariableAndExitsNonZero()
    {
        var keyFile = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(keyFile, "short-key\n");
            var environment = ValidEnvironment();
            environment["ADMIN_API_KEY_FILE"] = keyFile;

            var outcome = await AgentProcess.RunToExitAsync(environment, TestTimeouts.Token());

            Assert.Equal(2, outcome.ExitCode);
            var line = Assert.Single(outcome.Lines);
            Assert.Contains("ADMIN_API_KEY_FILE holds a key shorter than 16 bytes", line, StringComparison.Ordinal);
            Assert.DoesNotContain("short-key", line, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(keyFile);
        }
    }

    [Theory]
    [InlineData("METRICS_SERVER_PORT")]
    [InlineData("ADMIN_SERVER_PORT")]
    public async Task Start_PortAlreadyInUse_PrintsOneLineNamingThePortVariableAndExitsNonZero(string variable)
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;
        var environment = ValidEnvironment();
        environment[variable] = port.ToString(CultureInfo.InvariantCulture);

        var outcome = await AgentProcess.RunToExitAsync(environment, TestTimeouts.Token());

        Assert.Equal(2, outcome.ExitCode);
        var line = Assert.Single(outcome.Lines, line => line.Contains("already in use", StringComparison.Ordinal));
        Assert.EndsWith($"Invalid configuration: {variable}={port}: address 127.0.0.1:{port} already in use", line, StringComparison.Ordinal);

        // Earlier lines come from the services that start before the listeners (on a slow machine, their first
        // failed calls to the unreachable Argo); none is Kestrel's failure or hosting's stack trace of it.
        Assert.DoesNotContain(outcome.Lines, printed =>
            printed.Contains("AddressInUse", StringComparison.Ordinal) || printed.Contains("Failed to bind", StringComparison.Ordinal)
            || printed.Contains("Hosting failed to start", StringComparison.Ordinal) || printed.Contains("Kestrel", StringComparison.Ordinal));
    }

    private static Dictionary<string, string?> ValidEnvironment() => new()
    {
        ["AGENT_ID"] = "config-test-agent",
        ["SERVER_URL"] = "wss://collate.example.com",
        ["AUTH_TOKEN"] = TokenCanary,
        ["ARGO_INGESTION_IMAGE"] = "openmetadata/ingestion:1.9.0",
        ["PIPELINE_SERVICE_CLIENT_ENDPOINT"] = "http://127.0.0.1:9",
        ["METRICS_SERVER_PORT"] = "0",
        ["ADMIN_SERVER_PORT"] = "0",
        ["METRICS_SERVER_HOST"] = "127.0.0.1",
    };
}
