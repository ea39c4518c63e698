using Agent.Core.Link;

namespace Agent.Tests.Link;

/// <summary>What an operator's reconnect can act on: a session, or a back-off wait, never a dial under way.</summary>
public sealed class SessionControlTests
{
    [Fact]
    public void RequestReconnect_DuringBackoffWait_CancelsTheRoundOnce()
    {
        using var control = new SessionControl();
        var round = control.BeginReconnecting(CancellationToken.None);

        control.Waiting();
        var first = control.RequestReconnect();
        var second = control.RequestReconnect();

        Assert.True(first);
        Assert.True(round.IsCancellationRequested);
        Assert.False(second);
        control.EndReconnecting(round);
    }

    [Fact]
    public void RequestReconnect_WhileDialling_RefusedAndRoundUntouched()
    {
        using var control = new SessionControl();
        var round = control.BeginReconnecting(CancellationToken.None);
        control.Waiting();

        control.Dialling();
        var requested = control.RequestReconnect();

        Assert.False(requested);
        Assert.False(round.IsCancellationRequested);
        control.EndReconnecting(round);
    }

    [Fact]
    public void RequestReconnect_DuringSession_EndsTheSessionNotTheRound()
    {
        using var control = new SessionControl();
        var round = control.BeginReconnecting(CancellationToken.None);
        control.Dialling();
        var session = control.BeginSession();

        var requested = control.RequestReconnect();

        Assert.True(requested);
        Assert.True(session.IsCancellationRequested);
        Assert.False(round.IsCancellationRequested);
        control.EndSession(session);
        control.EndReconnecting(round);
    }

    [Fact]
    public void RequestReconnect_AfterTheRoundEnded_Refused()
    {
        using var control = new SessionControl();
        var round = control.BeginReconnecting(CancellationToken.None);
        control.Waiting();
        control.EndReconnecting(round);

        Assert.False(control.RequestReconnect());
    }
}
