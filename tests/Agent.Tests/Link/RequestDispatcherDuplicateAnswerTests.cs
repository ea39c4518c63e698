using System.Text.Json;
using Agent.Core.Link;
using Agent.Core.Metrics;
using Agent.Core.Operations;
using Agent.Core.Protocol;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Agent.Tests.Link;

/// <summary>
/// A request id re-sent while its answer is still on its way (executing, or in the outbox unacknowledged) gets that
/// one answer, not a second; once the server has acknowledged the answer, a repeat is answered again.
/// </summary>
public sealed class RequestDispatcherDuplicateAnswerTests
{
    private static readonly JsonElement EmptyPayload = JsonDocument.Parse("{}").RootElement.Clone();

    [Fact]
    public async Task Dispatch_RepeatWhileExecuting_ExecutesOnceAndAnswersOnce()
    {
        using var fixture = new Fixture();
        var request = fixture.Request();

        fixture.Dispatcher.Dispatch(request);
        fixture.Dispatcher.Dispatch(request);
        fixture.Handler.Open();
        await fixture.WaitForDepthAsync(1);
        fixture.Dispatcher.Dispatch(request);

        Assert.Equal(1, fixture.Handler.Executions);
        var (entries, _) = fixture.Outbox.After(0);
        Assert.Equal(request.Id, Assert.Single(entries).Message.ReplyTo);
    }

    [Fact]
    public async Task Dispatch_RepeatAfterTheAnswerWasAcknowledged_AnswersAgainIdentically()
    {
        using var fixture = new Fixture();
        var request = fixture.Request();
        fixture.Handler.Open();
        fixture.Dispatcher.Dispatch(request);
        await fixture.WaitForDepthAsync(1);
        var first = fixture.Outbox.After(0).Entries[0].Message;

        fixture.Outbox.Acknowledge(first.Seq!.Value);
        fixture.Dispatcher.Dispatch(request);
        await fixture.WaitForDepthAsync(1);

        var second = fixture.Outbox.After(first.Seq.Value).Entries[0].Message;
        Assert.Equal(1, fixture.Handler.Executions);
        Assert.Equal(request.Id, second.ReplyTo);
        Assert.Equal(first.Payload.GetRawText(), second.Payload.GetRawText());
    }

    [Fact]
    public async Task Dispatch_RepeatAcknowledgedTheMomentTheAnswerIsVisible_AnswersAgain()
    {
        using var fixture = new Fixture();
        var request = fixture.Request();
        fixture.Handler.Open();
        var answers = 0;
        var secondAnswer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.Outbox.DepthChanged += depth =>
        {
            if (depth != 1)
            {
                return;
            }

            // The fastest possible server: the answer is sent, acknowledged and asked for again before the thread
            // that enqueued it has moved on. The repeat is deliberate, so it must be answered.
            if (Interlocked.Increment(ref answers) == 1)
            {
                fixture.Outbox.Acknowledge(fixture.Outbox.After(0).Entries[0].Seq);
                fixture.Dispatcher.Dispatch(request);
            }
            else
            {
                secondAnswer.TrySetResult();
            }
        };

        fixture.Dispatcher.Dispatch(request);
        await secondAnswer.Task.WaitAsync(TestTimeouts.Token());

        var second = Assert.Single(fixture.Outbox.After(1).Entries).Message;
        Assert.Equal((request.Id, 2L), (second.ReplyTo, second.Seq));
        Assert.Equal(1, fixture.Handler.Executions);
    }

    private sealed class Fixture : IDisposable
    {
        private readonly FakeTimeProvider _time = new();

        public Fixture()
        {
            var options = Microsoft.Extensions.Options.Options.Create(new ControlPlaneOptions());
            Outbox = new ReliableOutbox(64, _time);
            Dispatcher = new RequestDispatcher(
                [Handler], Outbox, new ResultCache(_time), options, new AgentMetrics(Prometheus.Metrics.NewCustomRegistry(), _time), _time,
                NullLogger<RequestDispatcher>.Instance);
        }

        public GatedOperationHandler Handler { get; } = new();

        public ReliableOutbox Outbox { get; }

        public RequestDispatcher Dispatcher { get; }

        public Envelope Request() => new(Handler.Type, Guid.NewGuid().ToString(), _time.GetUtcNow(), EmptyPayload);

        /// <summary>Waits until the outbox holds <paramref name="depth"/> entries, on its own change event.</summary>
        public Task WaitForDepthAsync(int depth)
        {
            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Outbox.DepthChanged += current =>
            {
                if (current == depth)
                {
                    reached.TrySetResult();
                }
            };
            if (Outbox.Depth == depth)
            {
                reached.TrySetResult();
            }

            return reached.Task.WaitAsync(TestTimeouts.Token());
        }

        public void Dispose()
        {
            Dispatcher.Dispose();
            Outbox.Dispose();
        }
    }
}
