using System.Text.Json;
using Agent.Core.Protocol;
using Agent.Sandbox.ControlPlane;

namespace Agent.Tests.Sandbox.ControlPlane;

public sealed class PendingRequestTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AddAnswer_OneMoreThanAskedFor_CountedBeforeAnyWaiterCanSeeIt()
    {
        var request = new PendingRequest("agent-a", Envelope("req-1"), Now);
        Assert.True(request.AddAnswer(Answer(1)));

        // A waiter that asks for the second answer while the duplicate is being counted must not find it yet:
        // otherwise a test that waits for the answer could read the duplicate counter before it moves.
        bool? visibleWhileCounting = null;
        var expected = request.AddAnswer(Answer(2), () =>
            visibleWhileCounting = request.WaitForAnswerAsync(1, CancellationToken.None).IsCompleted);

        Assert.False(expected);
        Assert.False(visibleWhileCounting);
        Assert.True(request.WaitForAnswerAsync(1, CancellationToken.None).IsCompletedSuccessfully);
    }

    [Fact]
    public void AddAnswer_Resubmitted_SecondAnswerIsExpectedAndNotCounted()
    {
        var request = new PendingRequest("agent-a", Envelope("req-1"), Now);
        Assert.True(request.AddAnswer(Answer(1)));
        Assert.Equal(1, request.Resubmit());

        var counted = false;
        Assert.True(request.AddAnswer(Answer(2), () => counted = true));
        Assert.False(counted);
        Assert.False(request.IsOutstanding);
    }

    private static Envelope Envelope(string id) =>
        new(MessageTypes.ServiceStatus, id, Now, JsonSerializer.SerializeToElement(new { }));

    private static ReceivedResult Answer(long seq) =>
        new("req-1", "session-1", Now, new Envelope(MessageTypes.Result, $"res-{seq}", Now, JsonSerializer.SerializeToElement(new { ok = true }), seq, "req-1"));
}
