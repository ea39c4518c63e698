using Agent.Core;
using Agent.Core.Ingestion;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace Agent.Tests.Ingestion;

/// <summary>The image every run reads: the configured one, or with DYNAMIC_INGESTION_VERSION_ENABLED the server's version of it.</summary>
public sealed class IngestionImageTests
{
    private readonly FakeLogger<IngestionImage> _logger = new();

    [Fact]
    public void FollowServer_FlagOff_KeepsTheConfiguredImageAndLogsNothing()
    {
        var image = Create("openmetadata/ingestion:1.9.0", dynamicVersion: false);

        image.FollowServer("1.13.3");

        Assert.Equal("openmetadata/ingestion:1.9.0", image.Current);
        Assert.Equal(0, _logger.Collector.Count);
    }

    [Fact]
    public void FollowServer_FlagOn_UsesTheServersVersionAndLogsEachChangeOnce()
    {
        var image = Create("openmetadata/ingestion:1.9.0", dynamicVersion: true);

        image.FollowServer("1.13.3");
        image.FollowServer("1.13.3");
        image.FollowServer("1.14.0");

        Assert.Equal("openmetadata/ingestion:1.14.0", image.Current);
        var lines = _logger.Collector.GetSnapshot();
        Assert.All(lines, line => Assert.Equal(LogLevel.Information, line.Level));
        Assert.Equal(
            ["ingestion image follows the server: openmetadata/ingestion:1.9.0 → openmetadata/ingestion:1.13.3",
             "ingestion image follows the server: openmetadata/ingestion:1.13.3 → openmetadata/ingestion:1.14.0"],
            lines.Select(line => line.Message));
        Assert.All(lines, line => Assert.Equal(AgentEventIds.IngestionImageFollowsServer, line.Id.Id));
    }

    [Fact]
    public void FollowServer_FlagOnSameVersionAsConfigured_LogsNothing()
    {
        var image = Create("openmetadata/ingestion:1.13.3", dynamicVersion: true);

        image.FollowServer("1.13.3");

        Assert.Equal("openmetadata/ingestion:1.13.3", image.Current);
        Assert.Equal(0, _logger.Collector.Count);
    }

    [Fact]
    public void FollowServer_DigestPinned_LeftAloneWithOneWarning()
    {
        const string Pinned = "openmetadata/ingestion:1.9.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        var image = Create(Pinned, dynamicVersion: true);

        image.FollowServer("1.13.3");
        image.FollowServer("1.14.0");

        Assert.Equal(Pinned, image.Current);
        var warning = Assert.Single(_logger.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal(AgentEventIds.IngestionImageCannotFollow, warning.Id.Id);
    }

    private IngestionImage Create(string configured, bool dynamicVersion) =>
        new(Options.Create(new IngestionOptions { Image = configured, DynamicVersion = dynamicVersion }), _logger);
}
