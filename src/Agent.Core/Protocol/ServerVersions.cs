using System.Text.RegularExpressions;

namespace Agent.Core.Protocol;

/// <summary>
/// The form of <c>welcome.serverVersion</c>: an OpenMetadata release, <c>x.y.z</c> or <c>x.y.z.w</c>, as its image
/// tags carry it. Anything else (a snapshot, a build name) names no image tag, so the agent does not act on it.
/// </summary>
internal static partial class ServerVersions
{
    public static bool IsRelease(string? version) => version is not null && Release().IsMatch(version);

    [GeneratedRegex(@"^\d+\.\d+\.\d+(?:\.\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Release();
}
