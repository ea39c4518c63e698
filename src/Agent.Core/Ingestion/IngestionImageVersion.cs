using System.Text.RegularExpressions;

namespace Agent.Core.Ingestion;

/// <summary>
/// The OpenMetadata ingestion version an image reference names, for <c>service.status</c>: OpenMetadata compares it
/// with its own server version, so it must be the ingestion's version, not the executor's.
/// </summary>
/// <remarks>
/// From the tag: <c>openmetadata/ingestion:1.9.0</c> gives <c>1.9.0</c>; the chart's Collate form
/// <c>om-1.13.3-cl-1.13.3</c> gives the OpenMetadata part, <c>1.13.3</c>; a leading <c>v</c> and a suffix after the
/// version (<c>1.9.0-slim</c>) are dropped. A tag that names no version (<c>latest</c>, <c>nightly</c>) is reported
/// verbatim, no tag at all as <c>latest</c> (what the registry serves), and a digest-only reference as <c>unknown</c>:
/// none of these is guessed into a version, so OpenMetadata's check says the versions differ rather than passing
/// on a guess.
/// </remarks>
internal static partial class IngestionImageVersion
{
    public const string Unknown = "unknown";

    public static string Of(string image)
    {
        var reference = ImageReference.Parse(image);
        if (reference.Tag is not { } tag)
        {
            return reference.Digest is null ? "latest" : Unknown;
        }

        var match = VersionInTag().Match(tag);
        return match.Success ? match.Groups["version"].Value : tag;
    }

    /// <summary>
    /// The OpenMetadata version in a tag, in group <c>version</c>, after an optional <c>om-</c> or <c>v</c>; what
    /// follows it (<c>-cl-1.13.3</c>, <c>-slim</c>) is left to the caller.
    /// </summary>
    [GeneratedRegex(@"^(?:om-|v)?(?<version>\d+\.\d+\.\d+(?:\.\d+)?)(?![\d.])", RegexOptions.CultureInvariant)]
    internal static partial Regex VersionInTag();
}
