using Agent.Core.Link;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Agent.Tests.Link;

/// <summary>The chart's <c>useSecureProtocols: false</c> renders ws:// plus an http:// SERVER_HOST_API_URL for the same host.</summary>
public class ServerUrlChartInsecureTests
{
    [Theory]
    [InlineData("ws://collate-server", "http://collate-server/api")]
    [InlineData("ws://collate.collate.svc.cluster.local:8585", "http://collate.collate.svc.cluster.local:8585/api")]
    [InlineData("ws://10.2.3.4:8585", "http://10.2.3.4:8585/api")]
    [InlineData("ws://192.168.1.20", "http://192.168.1.20/api")]
    public void Validate_ChartInsecureToPrivateHost_Accepted(string serverUrl, string apiUrl)
    {
        Assert.Null(ServerUrlRules.Validate(serverUrl, allowInsecure: false, apiUrl));
    }

    [Theory]
    [InlineData("ws://collate.example.com", "http://collate.example.com/api")]
    [InlineData("ws://8.8.8.8", "http://8.8.8.8/api")]
    public void Validate_ChartInsecureToPublicHost_StillRefusedUnlessAllowed(string serverUrl, string apiUrl)
    {
        var reason = ServerUrlRules.Validate(serverUrl, allowInsecure: false, apiUrl);

        Assert.NotNull(reason);
        Assert.Contains("ALLOW_INSECURE_WEBSOCKET", reason, StringComparison.Ordinal);
        Assert.Contains("SERVER_HOST_API_URL", reason, StringComparison.Ordinal);
        Assert.Null(ServerUrlRules.Validate(serverUrl, allowInsecure: true, apiUrl));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("https://collate-server/api")]
    [InlineData("http://other-host/api")]
    public void Validate_PrivateHostWithoutTheChartsSignal_Refused(string? apiUrl)
    {
        Assert.NotNull(ServerUrlRules.Validate("ws://collate-server", allowInsecure: false, apiUrl));
    }

    [Fact]
    public void Describe_ChartInsecure_WarnsNamingTheVariable()
    {
        var logs = new FakeLogCollector();
        using var factory = new LoggerFactory([new FakeLoggerProvider(logs)]);
        var options = new ControlPlaneOptions { ServerUrl = "ws://collate-server", ServerHostApiUrl = "http://collate-server/api" };

        ControlPlaneStartupLog.Describe(factory.CreateLogger("t"), options);

        var record = Assert.Single(logs.GetSnapshot());
        Assert.Equal(LogLevel.Warning, record.Level);
        Assert.Contains("SERVER_HOST_API_URL", record.Message, StringComparison.Ordinal);
        Assert.Contains("SERVER_URL", record.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wss://collate.example.com")]
    [InlineData("ws://127.0.0.1:8585")]
    public void Describe_EncryptedOrLoopback_SaysNothing(string serverUrl)
    {
        var logs = new FakeLogCollector();
        using var factory = new LoggerFactory([new FakeLoggerProvider(logs)]);

        ControlPlaneStartupLog.Describe(factory.CreateLogger("t"), new ControlPlaneOptions { ServerUrl = serverUrl });

        Assert.Empty(logs.GetSnapshot());
    }
}
