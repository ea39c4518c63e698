using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Agent.Core.Ingestion;

/// <summary>
/// The one place every executor reads the ingestion image from, for new runs, schedules and <c>service.status</c>:
/// the configured <see cref="IngestionOptions.Image"/>, or, with <see cref="IngestionOptions.DynamicVersion"/>, that
/// image with its tag matched to the version the control plane last announced (<see cref="ServerMatchedImage"/>).
/// </summary>
/// <remarks>
/// The announcement arrives on the link while runs start on other threads: the image is one reference swapped
/// atomically, so a run reads either the old image or the new one, never a mix.
/// </remarks>
internal sealed partial class IngestionImage(IOptions<IngestionOptions> options, ILogger<IngestionImage> logger)
{
    private string? _followed;
    private int _cannotFollowSaid;

    public string Current => Volatile.Read(ref _followed) ?? options.Value.Image;

    /// <summary>Matches the image to <paramref name="serverVersion"/> when the operator asked for it; otherwise does nothing.</summary>
    public void FollowServer(string serverVersion)
    {
        var configured = options.Value;
        if (!configured.DynamicVersion)
        {
            return;
        }

        if (ServerMatchedImage.For(configured.Image, serverVersion) is not { } matched)
        {
            // Once: every reconnect announces the version again, and the answer cannot change without a restart.
            if (Interlocked.Exchange(ref _cannotFollowSaid, 1) == 0)
            {
                LogCannotFollow(logger, configured.Image, serverVersion);
            }

            return;
        }

        var previous = Interlocked.Exchange(ref _followed, matched) ?? configured.Image;
        if (!string.Equals(previous, matched, StringComparison.Ordinal))
        {
            LogFollowing(logger, previous, matched);
        }
    }

    [LoggerMessage(EventId = AgentEventIds.IngestionImageFollowsServer, Level = LogLevel.Information, Message = "ingestion image follows the server: {Previous} → {Current}")]
    private static partial void LogFollowing(ILogger logger, string previous, string current);

    [LoggerMessage(EventId = AgentEventIds.IngestionImageCannotFollow, Level = LogLevel.Warning, Message = "DYNAMIC_INGESTION_VERSION_ENABLED is set but the ingestion image {Image} cannot follow server version {ServerVersion}: it is pinned by digest or its tag names no version; it is used as configured")]
    private static partial void LogCannotFollow(ILogger logger, string image, string serverVersion);
}
