using Agent.Core.Link;
using Agent.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Agent.IntegrationTests.ControlPlane;

/// <summary>
/// A server that stops sending (no acks, no heartbeat answers) is declared dead after three heartbeat intervals
/// (protocol §4), on the real clock and socket. The exact moment is proven with a fake clock by
/// ControlPlaneSessionWatchdogTests; here the lower bound is tight (never before three intervals) and the upper one
/// leaves room for a loaded CI machine to schedule the watchdog late.
/// </summary>
[Collection(TimingSensitive.Name)]
public sealed class SilentServerTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ClockGranularity = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan SchedulingSlack = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Watchdog_ServerFallsSilent_EndsTheSessionWithinThreeHeartbeatIntervalsOfTheLastFrame()
    {
        var cancellation = TestTimeouts.Token();
        await using var rig = await AgentRig.StartAsync(LinkSignals.NewAgentId("silent"), sandboxSettings: new Dictionary<string, string?> { ["Sandbox:ControlPlane:HeartbeatSeconds"] = "1" });
        var (sandbox, agent) = (rig.Sandbox, rig.Agent);

        // Let a heartbeat round trip complete, so the last frame is a heartbeat answer, then go quiet.
        await LinkSignals.UntilAsync(() => agent.Services.GetRequiredService<ConnectionState>().Current.LastHeartbeatRoundTrip is not null, cancellation);
        sandbox.ControlPlane.SetSilent(agent.AgentId, true);
        var endedAt = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
        agent.Services.GetRequiredService<ConnectionState>().Changed += s =>
        {
            if (s.Status != ConnectionStatus.Connected)
            {
                endedAt.TrySetResult(DateTimeOffset.UtcNow);
            }
        };
        var ended = await LinkSignals.WaitForStateAsync(agent, s => s.Status != ConnectionStatus.Connected, cancellation);

        var silence = await endedAt.Task.WaitAsync(cancellation) - ended.LastFrameAt!.Value;
        Assert.StartsWith("silent", ended.LastCloseReason, StringComparison.Ordinal);
        Assert.InRange(silence, (3 * Interval) - ClockGranularity, (3 * Interval) + SchedulingSlack);
        Assert.True(sandbox.ControlPlane.Stats.Snapshot().FramesSuppressed > 0, "the agent's heartbeats were not left unanswered");
    }
}
