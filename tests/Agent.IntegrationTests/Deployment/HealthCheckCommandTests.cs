using Agent.IntegrationTests.Infrastructure;
using Agent.Web.Health;

namespace Agent.IntegrationTests.Deployment;

/// <summary>The container HEALTHCHECK: <c>dotnet Agent.Web.dll --health-check</c> asks the running agent's /health.</summary>
public sealed class HealthCheckCommandTests
{
    [Fact]
    public async Task RunAsync_AgentListening_ReturnsZero()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var agent = new AgentApplication(sandbox, "health-command-agent");
        agent.StartServer();
        using var output = new StringWriter();

        var exitCode = await HealthCheckCommand.RunAsync(Port(agent.InfraUrl.Port), output, TestTimeouts.Token());

        Assert.Equal(0, exitCode);
        Assert.StartsWith("healthy", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NothingListening_ReturnsOne()
    {
        using var output = new StringWriter();

        var exitCode = await HealthCheckCommand.RunAsync(Port(FreePort.Next()), output, TestTimeouts.Token());

        Assert.Equal(1, exitCode);
        Assert.StartsWith("unhealthy", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Program_HealthCheckArgument_ExitsZeroForARunningAgentAndOneWithoutIt()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var agent = new AgentApplication(sandbox, "health-process-agent");
        agent.StartServer();

        var healthy = await RunProgramAsync(agent.InfraUrl.Port);
        var unhealthy = await RunProgramAsync(FreePort.Next());

        Assert.True(healthy.ExitCode == 0, healthy.StandardOutput + healthy.StandardError);
        Assert.Contains("/health answered 200", healthy.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(1, unhealthy.ExitCode);
    }

    private static Func<string, string?> Port(int port) =>
        name => name == "METRICS_SERVER_PORT" ? port.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>The built agent, started exactly as the Dockerfile's HEALTHCHECK starts it.</summary>
    private static Task<ExternalTool.Result> RunProgramAsync(int port) => ExternalTool.RunAsync(
        "dotnet",
        [Path.Combine(AppContext.BaseDirectory, "Agent.Web.dll"), HealthCheckCommand.Argument],
        input: null,
        new Dictionary<string, string> { ["METRICS_SERVER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture), ["METRICS_SERVER_HOST"] = "0.0.0.0" },
        TestTimeouts.Token());
}
