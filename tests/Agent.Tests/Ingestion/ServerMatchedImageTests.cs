using Agent.Core.Ingestion;

namespace Agent.Tests.Ingestion;

/// <summary>DYNAMIC_INGESTION_VERSION_ENABLED: the version in the tag becomes the server's, the rest of the reference stays.</summary>
public sealed class ServerMatchedImageTests
{
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("openmetadata/ingestion:1.9.0", "openmetadata/ingestion:1.13.3")]
    [InlineData("registry.local:5000/openmetadata/ingestion:v1.10.2", "registry.local:5000/openmetadata/ingestion:v1.13.3")]
    [InlineData("openmetadata/ingestion:1.9.0-slim", "openmetadata/ingestion:1.13.3-slim")]
    [InlineData("openmetadata/ingestion:1.5.6.1", "openmetadata/ingestion:1.13.3")]
    [InlineData("docker.getcollate.io/ingestion:om-1.12.0-cl-1.12.4", "docker.getcollate.io/ingestion:om-1.13.3-cl-1.12.4")]
    [InlineData("openmetadata/ingestion:1.13.3", "openmetadata/ingestion:1.13.3")]
    public void For_TagNamingAVersion_ReplacesOnlyThatVersion(string configured, string expected) =>
        Assert.Equal(expected, ServerMatchedImage.For(configured, "1.13.3"));

    [Theory]
    [InlineData("openmetadata/ingestion:1.9.0@" + Digest)]
    [InlineData("openmetadata/ingestion@" + Digest)]
    [InlineData("openmetadata/ingestion:latest")]
    [InlineData("openmetadata/ingestion:nightly")]
    [InlineData("registry.local:5000/openmetadata/ingestion")]
    public void For_DigestOrTagWithoutVersion_CannotFollow(string configured) =>
        Assert.Null(ServerMatchedImage.For(configured, "1.13.3"));
}
