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
        var reference = image.Trim();
        var at = reference.IndexOf('@', StringComparison.Ordinal);
        var hasDigest = at >= 0;
        if (hasDigest)
        {
            reference = reference[..at];
        }

        var colon = reference.LastIndexOf(':');
        var tag = colon > reference.LastIndexOf('/') ? reference[(colon + 1)..] : null;
        if (string.IsNullOrEmpty(tag))
        {
            return hasDigest ? Unknown : "latest";
        }

        var match = VersionInTag().Match(tag);
        return match.Success ? match.Groups["version"].Value : tag;
    }

    [GeneratedRegex(@"^(?:om-|v)?(?<version>\d+\.\d+\.\d+(?:\.\d+)?)(?![\d.])", RegexOptions.CultureInvariant)]
    private static partial Regex VersionInTag();
}
