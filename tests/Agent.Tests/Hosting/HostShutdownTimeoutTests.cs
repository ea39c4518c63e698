using Agent.Core.Link;
using Agent.Web.Configuration;
using Agent.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Agent.Tests.Hosting;

/// <summary>The host's shutdown timeout comes from the validated SHUTDOWN_GRACE_SECONDS, built as Program builds it.</summary>
public sealed class HostShutdownTimeoutTests
{
    [Theory]
    [InlineData(null, 25)]
    [InlineData("0", 5)]
    [InlineData("7", 12)]
    [InlineData("600", 605)]
    public async Task AddAgent_ShutdownGrace_HostShutdownTimeoutIsGracePlusFlushReserve(string? grace, int expectedSeconds)
    {
        var settings = ValidControlPlane;
        if (grace is not null)
        {
            settings["ControlPlane:ShutdownGraceSeconds"] = grace;
        }

        await using var app = Build(settings);

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), app.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
        Assert.Equal(TimeSpan.FromSeconds(5), ControlPlaneService.FlushReserve);
    }

    /// <summary>Reading the options while the host is built must not report one section's problems ahead of the others.</summary>
    [Fact]
    public async Task AddAgent_InvalidControlPlaneOptions_BuildSucceedsAndValidationReportsThem()
    {
        var settings = ValidControlPlane;
        settings.Remove("ControlPlane:AgentId");
        settings["ControlPlane:ShutdownGraceSeconds"] = "601";

        await using var app = Build(settings);

        var failure = Assert.ThrowsAny<Exception>(app.ValidateConfiguration);

        Assert.True(StartupFailure.TryDescribe(failure, out var problems));
        Assert.Contains("AGENT_ID is required", problems, StringComparison.Ordinal);
        Assert.Contains("SHUTDOWN_GRACE_SECONDS", problems, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> ValidControlPlane => new()
    {
        ["ControlPlane:AgentId"] = "shutdown-agent",
        ["ControlPlane:ServerUrl"] = "wss://collate.example.com",
        ["ControlPlane:AuthToken"] = "token",
    };

    private static WebApplication Build(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder();
        builder.AddAgentConfiguration();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddAgent();
        return builder.Build();
    }
}
