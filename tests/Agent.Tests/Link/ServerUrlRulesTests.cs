using Agent.Core.Link;

namespace Agent.Tests.Link;

public class ServerUrlRulesTests
{
    [Theory]
    [InlineData("wss://collate.example.com", "wss://collate.example.com/api/v1/agents/connect")]
    [InlineData("wss://collate.example.com/", "wss://collate.example.com/api/v1/agents/connect")]
    [InlineData("wss://collate.example.com:8443", "wss://collate.example.com:8443/api/v1/agents/connect")]
    [InlineData("wss://collate.example.com/custom/connect", "wss://collate.example.com/custom/connect")]
    [InlineData("ws://127.0.0.1:8585", "ws://127.0.0.1:8585/api/v1/agents/connect")]
    public void ToConnectUri_ServerUrl_AddsDefaultPathOnlyWhenMissing(string serverUrl, string expected)
    {
        Assert.Equal(new Uri(expected), ServerUrlRules.ToConnectUri(serverUrl));
    }

    [Theory]
    [InlineData("wss://collate.example.com")]
    [InlineData("ws://127.0.0.1:8585")]
    [InlineData("ws://localhost")]
    [InlineData("ws://[::1]:8585")]
    [InlineData("")]
    public void Validate_AcceptableUrl_ReturnsNull(string serverUrl)
    {
        Assert.Null(ServerUrlRules.Validate(serverUrl, allowInsecure: false));
    }

    [Fact]
    public void Validate_InsecureRemoteHost_RefusedUnlessAllowed()
    {
        var reason = ServerUrlRules.Validate("ws://example.com", allowInsecure: false);

        Assert.NotNull(reason);
        Assert.Contains("ALLOW_INSECURE_WEBSOCKET", reason, StringComparison.Ordinal);
        Assert.Null(ServerUrlRules.Validate("ws://example.com", allowInsecure: true));
    }

    [Theory]
    [InlineData("http://example.com", "wss://")]
    [InlineData("https://example.com", "wss://")]
    [InlineData("example.com", "absolute URL")]
    [InlineData("/api/v1/agents/connect", "absolute URL")]
    [InlineData("wss://user:pass@example.com", "credentials")]
    public void Validate_BadUrl_ReturnsReason(string serverUrl, string expectedInReason)
    {
        var reason = ServerUrlRules.Validate(serverUrl, allowInsecure: true);

        Assert.NotNull(reason);
        Assert.Contains(expectedInReason, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UserInfo_DoesNotEchoThePassword()
    {
        var reason = ServerUrlRules.Validate("wss://user:s3cr3t@example.com", allowInsecure: false);

        Assert.NotNull(reason);
        Assert.DoesNotContain("s3cr3t", reason, StringComparison.Ordinal);
    }
}
