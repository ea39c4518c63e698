using Agent.Core.Protocol;

namespace Agent.Sandbox.ControlPlane;

/// <summary>
/// A request sent (or to be sent) to an agent, keyed by its envelope id. The envelope is built once, so every
/// re-send after a reconnect carries the same id and the agent can recognise it (protocol §4). Each explicit
/// resubmission of the id expects one more answer; answers beyond that are duplicates.
/// </summary>
internal sealed class PendingRequest(string agentId, Envelope envelope, DateTimeOffset createdAt)
{
    private readonly Lock gate = new();
    private readonly List<ReceivedResult> answers = [];
    private readonly Dictionary<int, TaskCompletionSource<ReceivedResult>> waiters = [];
    private string? sentSessionId;
    private int expectedAnswers = 1;
    private int sendCount;

    public string Id => Envelope.Id;

    public string AgentId { get; } = agentId;

    public Envelope Envelope { get; } = envelope;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public bool IsOutstanding
    {
        get
        {
            lock (gate)
            {
                return answers.Count < expectedAnswers;
            }
        }
    }

    /// <summary>
    /// Claims the right to send this request on a session. A request goes at most once per session and only while
    /// an answer is outstanding; the session that welcomes the agent and a concurrent caller race for it here.
    /// </summary>
    public bool TryMarkSent(string sessionId)
    {
        lock (gate)
        {
            if (answers.Count >= expectedAnswers || sentSessionId == sessionId)
            {
                return false;
            }

            sentSessionId = sessionId;
            sendCount++;
            return true;
        }
    }

    /// <summary>Asks for one more answer to the same id; returns the ordinal of the answer to wait for.</summary>
    public int Resubmit()
    {
        lock (gate)
        {
            sentSessionId = null;
            return expectedAnswers++;
        }
    }

    /// <summary>
    /// Records an answer; returns false when it is one more than was asked for. <paramref name="onUnexpected"/> runs
    /// before the answer becomes visible, both to a waiter already registered and to one that asks afterwards (it
    /// would find the answer in the list at once), so whoever sees the answer also sees it counted.
    /// </summary>
    public bool AddAnswer(ReceivedResult answer, Action? onUnexpected = null)
    {
        TaskCompletionSource<ReceivedResult>? waiter;
        bool expected;
        lock (gate)
        {
            var ordinal = answers.Count;
            expected = ordinal < expectedAnswers;
            if (!expected)
            {
                onUnexpected?.Invoke();
            }

            answers.Add(answer);
            waiters.Remove(ordinal, out waiter);
        }

        waiter?.TrySetResult(answer);
        return expected;
    }

    public Task<ReceivedResult> WaitForAnswerAsync(int ordinal, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (ordinal < answers.Count)
            {
                return Task.FromResult(answers[ordinal]);
            }

            if (!waiters.TryGetValue(ordinal, out var waiter))
            {
                waiter = new TaskCompletionSource<ReceivedResult>(TaskCreationOptions.RunContinuationsAsynchronously);
                waiters[ordinal] = waiter;
            }

            return waiter.Task.WaitAsync(cancellationToken);
        }
    }

    public RequestSnapshot Snapshot()
    {
        lock (gate)
        {
            return new RequestSnapshot(
                Id, AgentId, Envelope.Type, Envelope.Payload, CreatedAt, sendCount, expectedAnswers, answers.Count, [.. answers]);
        }
    }
}
