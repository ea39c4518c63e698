using Agent.Web.Health;

namespace Agent.Tests.Health;

public sealed class HealthCheckCommandTests
{
    [Fact]
    public void IsRequested_OnlyArgument_ReturnsTrue() => Assert.True(HealthCheckCommand.IsRequested(["--health-check"]));

    [Fact]
    public void IsRequested_NoneOrAmongOtherArguments_ReturnsFalse()
    {
        Assert.False(HealthCheckCommand.IsRequested([]));
        Assert.False(HealthCheckCommand.IsRequested(["--health-check", "--urls=http://0.0.0.0:1"]));
        Assert.False(HealthCheckCommand.IsRequested(["--environment=Development"]));
    }

    [Fact]
    public async Task RunAsync_MalformedPort_ReturnsOneAndNamesTheVariable()
    {
        using var output = new StringWriter();

        var exitCode = await HealthCheckCommand.RunAsync(
            name => name == "METRICS_SERVER_PORT" ? "eighty" : null, output, CancellationToken.None);

        Assert.Equal(1, exitCode);
        Assert.Contains("METRICS_SERVER_PORT", output.ToString(), StringComparison.Ordinal);
    }
}
