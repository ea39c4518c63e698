using Agent.Web.Hosting;

namespace Agent.Tests.Hosting;

public sealed class ServerOptionsTests
{
    [Fact]
    public void EffectiveAdminHost_NoKey_IsLoopback() =>
        Assert.Equal("127.0.0.1", new ServerOptions().EffectiveAdminHost);

    [Fact]
    public void EffectiveAdminHost_KeyOrKeyFile_IsAllInterfaces()
    {
        Assert.Equal("0.0.0.0", new ServerOptions { AdminApiKey = "0123456789abcdef" }.EffectiveAdminHost);
        Assert.Equal("0.0.0.0", new ServerOptions { AdminApiKeyFile = "/var/run/secrets/admin/key" }.EffectiveAdminHost);
    }

    [Fact]
    public void EffectiveAdminHost_ExplicitHost_Wins() =>
        Assert.Equal("10.1.2.3", new ServerOptions { AdminApiKey = "0123456789abcdef", AdminHost = "10.1.2.3" }.EffectiveAdminHost);

    [Fact]
    public void Validate_SamePortsShortKeyBadHost_NamesEachVariable()
    {
        var result = new ServerOptionsRules().Validate(null, new ServerOptions { MetricsPort = 9000, AdminPort = 9000, AdminApiKey = "short", AdminHost = "not-an-ip" });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, failure => failure.Contains("METRICS_SERVER_PORT and ADMIN_SERVER_PORT must differ", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, failure => failure.Contains("ADMIN_API_KEY must be at least 16 characters", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, failure => failure.Contains("ADMIN_SERVER_HOST must be an IP address", StringComparison.Ordinal));
    }
}
