namespace Agent.Core.Ingestion;

/// <summary>
/// The configured ingestion image with its tag naming another OpenMetadata version, for
/// <c>DYNAMIC_INGESTION_VERSION_ENABLED</c>. Only the version the tag already carries is replaced (the part
/// <see cref="IngestionImageVersion"/> reads), so every other part of the tag stays the operator's:
/// <c>openmetadata/ingestion:1.9.0</c> becomes <c>…:1.13.3</c>, and the chart's Collate tag
/// <c>om-1.12.0-cl-1.12.4</c> becomes <c>om-1.13.3-cl-1.12.4</c>: its <c>cl</c> part is Collate's own release, which
/// the server's version does not tell (collate-runner-chart.md, <c>config.ingestionPods.tag</c>).
/// </summary>
internal static class ServerMatchedImage
{
    /// <summary>
    /// Null when the reference cannot follow: a digest pins the exact image whatever the tag says, and a tag naming
    /// no version (<c>latest</c>, <c>nightly</c>, none) gives no pattern whose published tags are known.
    /// </summary>
    public static string? For(string configured, string serverVersion)
    {
        var reference = ImageReference.Parse(configured);
        if (reference.Digest is not null || reference.Tag is not { } tag)
        {
            return null;
        }

        var match = IngestionImageVersion.VersionInTag().Match(tag);
        if (!match.Success)
        {
            return null;
        }

        var version = match.Groups["version"];
        return reference.WithTag(string.Concat(tag.AsSpan(0, version.Index), serverVersion, tag.AsSpan(version.Index + version.Length))).ToString();
    }
}
