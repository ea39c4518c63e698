using System.Text.RegularExpressions;

namespace Agent.Sandbox.Argo.Lifecycle;

/// <summary>
/// <c>sandbox-pending: &lt;Reason&gt;[: &lt;message&gt;]</c> in the entry container's <c>config</c> keeps its pod Pending with
/// that node message (e.g. <c>ImagePullBackOff: Back-off pulling image "x"</c>, FIDELITY §6.2) until a Running phase is
/// forced, so tests and the demo can show a queued run.
/// </summary>
internal static partial class PendingMarker
{
    public static string? Find(string? config) => Marker().Match(config ?? "") is { Success: true } match ? match.Groups[1].Value.Trim() : null;

    [GeneratedRegex(@"sandbox-pending:[ \t]*([^\r\n]+)")]
    private static partial Regex Marker();
}
