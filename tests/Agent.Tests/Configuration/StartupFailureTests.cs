using Agent.Web.Configuration;
using Microsoft.Extensions.Options;

namespace Agent.Tests.Configuration;

public class StartupFailureTests
{
    [Fact]
    public void TryDescribe_OptionsValidationException_StripsMemberPrefix()
    {
        var exception = new OptionsValidationException(
            "ControlPlaneOptions",
            typeof(object),
            ["AgentId: AGENT_ID is required: set it to this agent's unique id", "SERVER_URL must use wss://"]);

        var described = StartupFailure.TryDescribe(exception, out var description);

        Assert.True(described);
        Assert.Equal("AGENT_ID is required: set it to this agent's unique id; SERVER_URL must use wss://", description);
    }

    [Fact]
    public void TryDescribe_ConversionFailure_NamesVariableWithoutValue()
    {
        var exception = new InvalidOperationException(
            "Failed to convert configuration value 'sEcReT' at 'Server:MetricsPort' to type 'System.Int32'.");

        var described = StartupFailure.TryDescribe(exception, out var description);

        Assert.True(described);
        Assert.Contains("METRICS_SERVER_PORT", description, StringComparison.Ordinal);
        Assert.Contains("whole number", description, StringComparison.Ordinal);
        Assert.DoesNotContain("sEcReT", description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x' at 'Leak:Key' to type 'Q")]
    [InlineData("multi\nline' secret")]
    public void TryDescribe_ValueLooksLikeMessage_StillNamesRealVariableOnly(string value)
    {
        var exception = new InvalidOperationException(
            $"Failed to convert configuration value '{value}' at 'Server:MetricsPort' to type 'System.Int32'.");

        StartupFailure.TryDescribe(exception, out var description);

        Assert.Equal("METRICS_SERVER_PORT must be a whole number", description);
    }

    [Fact]
    public void TryDescribe_ConversionFailureWrapped_FindsInnerCause()
    {
        var inner = new InvalidOperationException(
            "Failed to convert configuration value 'maybe' at 'ControlPlane:AllowInsecureWebSocket' to type 'System.Boolean'.");
        var exception = new AggregateException(new InvalidOperationException("Error binding", inner));

        var described = StartupFailure.TryDescribe(exception, out var description);

        Assert.True(described);
        Assert.Equal("ALLOW_INSECURE_WEBSOCKET must be true or false", description);
    }

    [Fact]
    public void TryDescribe_SeveralValidationFailures_JoinsDistinctProblems()
    {
        var exception = new AggregateException(
            new OptionsValidationException("a", typeof(object), ["AUTH_TOKEN is required"]),
            new OptionsValidationException("b", typeof(object), ["AUTH_TOKEN is required"]),
            new OptionsValidationException("c", typeof(object), ["INGESTION_NAMESPACE must not be empty"]));

        StartupFailure.TryDescribe(exception, out var description);

        Assert.Equal("AUTH_TOKEN is required; INGESTION_NAMESPACE must not be empty", description);
    }

    [Fact]
    public void TryDescribe_UnrelatedException_ReturnsFalse()
    {
        var described = StartupFailure.TryDescribe(new IOException("disk full"), out var description);

        Assert.False(described);
        Assert.Empty(description);
    }
}
