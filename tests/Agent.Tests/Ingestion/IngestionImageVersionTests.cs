using Agent.Core.Ingestion;

namespace Agent.Tests.Ingestion;

/// <summary>service.status reports the ingestion version the image tag names (OpenMetadata compares it with its own).</summary>
public sealed class IngestionImageVersionTests
{
    [Theory]
    [InlineData("openmetadata/ingestion:1.9.0", "1.9.0")]
    [InlineData("docker.getcollate.io/openmetadata/ingestion:1.9.0", "1.9.0")]
    [InlineData("118146679784.dkr.ecr.eu-west-1.amazonaws.com/collate-customers-ingestion-slim-eu-west-1:om-1.13.3-cl-1.13.3", "1.13.3")]
    [InlineData("registry.local:5000/openmetadata/ingestion:v1.10.2", "1.10.2")]
    [InlineData("openmetadata/ingestion:1.5.6.1", "1.5.6.1")]
    [InlineData("openmetadata/ingestion:1.9.0-slim", "1.9.0")]
    [InlineData("openmetadata/ingestion:1.9.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "1.9.0")]
    public void Of_VersionedTag_ReturnsTheIngestionVersion(string image, string expected) =>
        Assert.Equal(expected, IngestionImageVersion.Of(image));

    [Theory]
    [InlineData("openmetadata/ingestion:latest", "latest")]
    [InlineData("openmetadata/ingestion:nightly", "nightly")]
    [InlineData("registry.local:5000/openmetadata/ingestion", "latest")]
    [InlineData("openmetadata/ingestion@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "unknown")]
    [InlineData("openmetadata/ingestion:1.9", "1.9")]
    public void Of_TagWithoutAFullVersion_IsNotGuessed(string image, string expected) =>
        Assert.Equal(expected, IngestionImageVersion.Of(image));
}
