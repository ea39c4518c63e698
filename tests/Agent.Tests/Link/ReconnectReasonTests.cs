using Agent.Core.Link;
using Agent.Core.Protocol;

namespace Agent.Tests.Link;

/// <summary>
/// The <c>reason</c> label of <c>collate_hybrid_agent_reconnects_total</c> comes from how the session ended (close
/// code, watchdog, welcome), never from the words of its reason, and keeps the values dashboards group by.
/// </summary>
public sealed class ReconnectReasonTests
{
    public static TheoryData<object, string> Ends => new()
    {
        { new SessionEnd("refused", CloseCodes.Unauthorized, false, TimeSpan.Zero), "unauthorized" },
        { new SessionEnd("another agent", CloseCodes.DuplicateAgent, true, TimeSpan.Zero), "duplicate_agent" },
        { new SessionEnd("no common version", CloseCodes.UnsupportedProtocolVersion, false, TimeSpan.Zero), "unsupported_version" },
        { new SessionEnd("disabled", CloseCodes.AgentDisabled, true, TimeSpan.Zero), "disabled" },
        { new SessionEnd("normal closure", 1000, true, TimeSpan.FromMinutes(5)), "closed" },
        { new SessionEnd("no frame for 15 s", null, true, TimeSpan.FromSeconds(15), Silent: true), "silent" },
        { new SessionEnd("could not connect", null, false, TimeSpan.Zero, DialFailed: true), "connect_failed" },
        { new SessionEnd("no welcome within 10 s of hello", null, false, TimeSpan.FromSeconds(10)), "connect_failed" },
        { new SessionEnd("connection lost", null, true, TimeSpan.FromMinutes(2)), "error" },

        // The words no longer decide: a reason that merely starts with "silent" is an error like any other.
        { new SessionEnd("silently dropped", null, true, TimeSpan.FromMinutes(2)), "error" },
    };

    [Theory]
    [MemberData(nameof(Ends))]
    public void MetricReason_SessionEnd_HasItsLabel(object endValue, string label)
    {
        var end = (SessionEnd)endValue;
        Assert.Equal(label, ReconnectReasonLabel.Of(end.MetricReason));
    }

    [Fact]
    public async Task ExecuteAsync_DialFailsThenTheTokenIsRefused_CountsConnectFailedThenUnauthorized()
    {
        using var harness = new ControlPlaneHarness(new TimerRecordingTimeProvider(), new MaxJitterRandom(), reconnectDelaySeconds: 10);
        harness.Connector.ThenFail();
        harness.Connector.Then(() => throw new ControlPlaneRefusedException(CloseCodes.Unauthorized, "refused (fake)"));
        using var service = harness.CreateService();
        var cancellation = TestTimeouts.Token();
        await service.StartAsync(cancellation);

        // The first retry waits just under 1 s; the refusal then waits the 10 s cap, armed after the end was counted.
        await harness.Connector.NextAttemptAsync(cancellation);
        harness.Time.Advance(await harness.Time.NextTimerAsync(due => due == TimeSpan.FromSeconds(MaxJitterRandom.Draw), cancellation));
        await harness.Connector.NextAttemptAsync(cancellation);
        await harness.Time.NextTimerAsync(due => due == TimeSpan.FromSeconds(10), cancellation);
        await service.StopAsync(cancellation);

        Assert.Equal(1, harness.Metrics.Reconnects.WithLabels("connect_failed").Value);
        Assert.Equal(1, harness.Metrics.Reconnects.WithLabels("unauthorized").Value);
    }
}
