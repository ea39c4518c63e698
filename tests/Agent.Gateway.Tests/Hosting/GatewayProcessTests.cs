using System.Diagnostics;
using Agent.Gateway.Tests.Routing;

namespace Agent.Gateway.Tests.Hosting;

/// <summary>Program.cs as an operator runs it: <c>dotnet Agent.Gateway.dll</c>, its exit code and its one line.</summary>
public sealed class GatewayProcessTests
{
    private static string GatewayDll => Path.Combine(AppContext.BaseDirectory, "Agent.Gateway.dll");

    /// <summary>One bad value of every variable; <c>also</c> (NAME=value) sets what makes the value bad.</summary>
    [Theory]
    [InlineData("GATEWAY_PORT", "http", "GATEWAY_PORT must be a whole number", null)]
    [InlineData("GATEWAY_HOST", "gateway.local", "GATEWAY_HOST must be an IP address", null)]
    [InlineData("GATEWAY_METRICS_PORT", "70000", "GATEWAY_METRICS_PORT must be a port number", null)]
    [InlineData("GATEWAY_ADMIN_PORT", "admin", "GATEWAY_ADMIN_PORT must be a whole number", null)]
    [InlineData("GATEWAY_ADMIN_API_KEY", "short-secret", "GATEWAY_ADMIN_API_KEY must hold at least 16 bytes", null)]
    [InlineData("GATEWAY_ADMIN_API_KEY_FILE", "/nonexistent/admin-key", "GATEWAY_ADMIN_API_KEY_FILE names a file that does not exist", null)]
    [InlineData("AIRFLOW_USERNAME", "", "AIRFLOW_USERNAME is required", null)]
    [InlineData("AIRFLOW_PASSWORD", "", "AIRFLOW_PASSWORD (or AIRFLOW_PASSWORD_FILE) is required", null)]
    [InlineData("AIRFLOW_PASSWORD_FILE", "/nonexistent/password", "AIRFLOW_PASSWORD_FILE names a file that does not exist", "AIRFLOW_PASSWORD=")]
    [InlineData("GATEWAY_OPENMETADATA_VERSION", "1.13", "GATEWAY_OPENMETADATA_VERSION must be a release major.minor.patch", null)]
    [InlineData("GATEWAY_AGENTS_FILE", "/nonexistent/agents.yaml", "GATEWAY_AGENTS_FILE: agents file /nonexistent/agents.yaml", null)]
    [InlineData("GATEWAY_STORE", "mysql", "GATEWAY_STORE must be sqlite or postgres", null)]
    [InlineData("GATEWAY_SQLITE_PATH", " ", "GATEWAY_SQLITE_PATH must not be empty", null)]
    [InlineData("GATEWAY_POSTGRES_CONNECTION", "Nonsense=1;Password=hunter2", "GATEWAY_POSTGRES_CONNECTION is not a valid Npgsql connection string", "GATEWAY_STORE=postgres")]
    [InlineData("GATEWAY_POSTGRES_CONNECTION_FILE", "/nonexistent/connection", "GATEWAY_POSTGRES_CONNECTION_FILE names a file that does not exist", "GATEWAY_STORE=postgres")]
    [InlineData("GATEWAY_REPLICA_ID", "replica a", "GATEWAY_REPLICA_ID must be 1-40 letters", null)]
    [InlineData("GATEWAY_DEPLOY_TIMEOUT_SECONDS", "0", "GATEWAY_DEPLOY_TIMEOUT_SECONDS must be from 1 to 3600 seconds", null)]
    [InlineData("GATEWAY_REQUEST_TIMEOUT_SECONDS", "ten", "GATEWAY_REQUEST_TIMEOUT_SECONDS must be a whole number", null)]
    [InlineData("GATEWAY_OPENMETADATA_TIMEOUT_SECONDS", "301", "GATEWAY_OPENMETADATA_TIMEOUT_SECONDS must be from 1 to 300 seconds", null)]
    [InlineData("LOG_FORMAT", "xml", "LOG_FORMAT must be text or json", null)]
    [InlineData("LOG_LEVEL", "loud", "LOG_LEVEL must be one of", null)]
    public async Task BadSetting_ExitsWithCode2_AndOneLineNamingTheVariable(string variable, string value, string expected, string? also)
    {
        var directory = Directory.CreateTempSubdirectory("gateway-process-");
        try
        {
            var agents = Path.Combine(directory.FullName, "agents.yaml");
            await File.WriteAllTextAsync(agents, AgentsFiles.Standard());
            // The test host's settings (loopback, free ports, credentials) with a real agents file and database path.
            var environment = GatewayTestHost.DefaultSettings().ToDictionary(pair => pair.Key, pair => pair.Value!);
            environment["GATEWAY_AGENTS_FILE"] = agents;
            environment["GATEWAY_SQLITE_PATH"] = Path.Combine(directory.FullName, "gateway.db");
            environment[variable] = value;
            if (also is not null)
            {
                var split = also.IndexOf('=', StringComparison.Ordinal);
                environment[also[..split]] = also[(split + 1)..];
            }

            var (exit, output) = await RunAsync([], input: null, environment);

            Assert.Equal(2, exit);
            var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Assert.Contains("Invalid configuration: " + expected, line, StringComparison.Ordinal);
            Assert.DoesNotContain("hunter2", line, StringComparison.Ordinal);
            Assert.DoesNotContain("short-secret", line, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Running_EveryLogEventNamesTheReplica()
    {
        var directory = Directory.CreateTempSubdirectory("gateway-process-");
        var agents = Path.Combine(directory.FullName, "agents.yaml");
        await File.WriteAllTextAsync(agents, AgentsFiles.Standard());
        var start = Start([]);
        foreach (var (name, value) in GatewayTestHost.DefaultSettings())
        {
            start.Environment[name] = value;
        }

        (start.Environment["GATEWAY_AGENTS_FILE"], start.Environment["GATEWAY_SQLITE_PATH"]) = (agents, Path.Combine(directory.FullName, "gateway.db"));
        (start.Environment["GATEWAY_REPLICA_ID"], start.Environment["LOG_FORMAT"], start.Environment["LOG_LEVEL"]) = ("process-replica-1", "json", "Information");
        using var process = Process.Start(start)!;
        try
        {
            // The first event after the bootstrap logger hands over (a migration or "Now listening") is enough.
            string? line;
            do
            {
                line = await process.StandardOutput.ReadLineAsync(TestTimeouts.Token());
            }
            while (line is not null && !line.StartsWith('{'));

            Assert.NotNull(line);
            Assert.Contains("\"ReplicaId\":\"process-replica-1\"", line, StringComparison.Ordinal);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestTimeouts.Token());
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task HashToken_ReadsStdin_AndPrintsTheHash()
    {
        var (exit, output) = await RunAsync(["hash-token"], input: "foo\n", new Dictionary<string, string>());

        Assert.Equal(0, exit);
        Assert.Equal("2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae", output.Trim());
    }

    /// <summary>The gateway's command line, without the GATEWAY_, AIRFLOW_ and LOG_ variables of the test's own environment.</summary>
    private static ProcessStartInfo Start(string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(GatewayDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys.Where(name => name.StartsWith("GATEWAY_", StringComparison.Ordinal) || name.StartsWith("AIRFLOW_", StringComparison.Ordinal) || name.StartsWith("LOG_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        return start;
    }

    private static async Task<(int Exit, string Output)> RunAsync(string[] args, string? input, Dictionary<string, string> environment)
    {
        var start = Start(args);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var bound = new CancellationTokenSource(TestTimeouts.Default);
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
