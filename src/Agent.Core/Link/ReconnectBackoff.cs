using Microsoft.Extensions.Options;

namespace Agent.Core.Link;

/// <summary>
/// Exponential backoff with full jitter: attempt n waits a random time in [0, min(cap, 1 s · 2ⁿ)], so the first
/// retry comes within a second and a fleet of agents reconnecting after an outage spreads out instead of
/// arriving together. A refusal (4001–4004) waits the cap: retrying faster cannot change the answer.
/// </summary>
internal sealed class ReconnectBackoff(IOptions<ControlPlaneOptions> options, Random random)
{
    public static readonly TimeSpan Base = TimeSpan.FromSeconds(1);

    public TimeSpan Cap => TimeSpan.FromSeconds(options.Value.ReconnectDelaySeconds);

    /// <summary>The delay before retry number <paramref name="attempt"/> (0 for the first retry).</summary>
    public TimeSpan NextDelay(int attempt, bool refused)
    {
        if (refused)
        {
            return Cap;
        }

        var ceiling = Math.Min(Cap.TotalSeconds, Base.TotalSeconds * Math.Pow(2, Math.Min(attempt, 30)));
        lock (random)
        {
            return TimeSpan.FromSeconds(random.NextDouble() * ceiling);
        }
    }
}
