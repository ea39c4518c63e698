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

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    [InlineData("10.1.2.3")]
    public void Validate_NonLoopbackAdminHostWithoutKey_RefusedNamingTheVariables(string host)
    {
        var result = new ServerOptionsRules().Validate(null, new ServerOptions { AdminHost = host });

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.Contains("ADMIN_SERVER_HOST", failure, StringComparison.Ordinal);
        Assert.Contains("ADMIN_API_KEY", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData(null)]
    public void Validate_LoopbackAdminHostWithoutKey_Accepted(string? host) =>
        Assert.True(new ServerOptionsRules().Validate(null, new ServerOptions { AdminHost = host }).Succeeded);

    [Fact]
    public void Validate_NonLoopbackAdminHostWithKey_Accepted() =>
        Assert.True(new ServerOptionsRules().Validate(null, new ServerOptions { AdminHost = "0.0.0.0", AdminApiKey = "0123456789abcdef" }).Succeeded);

    [Fact]
    public void Validate_KeyLongOnlyThroughSurroundingSpaces_Refused()
    {
        // The key in use is trimmed, so the spaces add nothing to it.
        var result = new ServerOptionsRules().Validate(null, new ServerOptions { AdminApiKey = "    short-key     " });

        Assert.Contains(result.Failures ?? [], failure => failure.Contains("ADMIN_API_KEY must be at least 16", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_KeyFileShorterThan16Bytes_RefusedNamingTheVariable()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "short-key\n");

            var result = new ServerOptionsRules().Validate(null, new ServerOptions { AdminApiKeyFile = path });

            Assert.Contains(result.Failures ?? [], failure => failure.Contains("ADMIN_API_KEY_FILE holds a key shorter than 16 bytes", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
