using Agent.Core.Protocol;

namespace Agent.Sandbox.ControlPlane;

/// <summary>
/// A request sent (or to be sent) to an agent, keyed by its envelope id. The envelope is built once, so every
/// re-send after a reconnect carries the same id and the agent can recognise it (protocol §4). Each explicit
/// resubmission of the id expects one more answer; answers beyond that are duplicates.
/// </summary>
internal sealed class PendingRequest(string agentId, Envelope envelope, DateTimeOffset createdAt)
{
    private readonly Lock _gate = new();
    private readonly List<ReceivedResult> _answers = [];
    private readonly Dictionary<int, TaskCompletionSource<ReceivedResult>> _waiters = [];
    private string? _sentSessionId;
    private int _expectedAnswers = 1;
    private int _sendCount;

    public string Id => Envelope.Id;

    public string AgentId { get; } = agentId;

    public Envelope Envelope { get; } = envelope;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public bool IsOutstanding
    {
        get
        {
            lock (_gate)
            {
                return _answers.Count < _expectedAnswers;
            }
        }
    }

    /// <summary>
    /// Claims the right to send this request on a session. A request goes at most once per session and only while
    /// an answer is outstanding; the session that welcomes the agent and a concurrent caller race for it here.
    /// </summary>
    public bool TryMarkSent(string sessionId)
    {
        lock (_gate)
        {
            if (_answers.Count >= _expectedAnswers || _sentSessionId == sessionId)
            {
                return false;
            }

            _sentSessionId = sessionId;
            _sendCount++;
            return true;
        }
    }

    /// <summary>Asks for one more answer to the same id; returns the ordinal of the answer to wait for.</summary>
    public int Resubmit()
    {
        lock (_gate)
        {
            _sentSessionId = null;
            return _expectedAnswers++;
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
        lock (_gate)
        {
            var ordinal = _answers.Count;
            expected = ordinal < _expectedAnswers;
            if (!expected)
            {
                onUnexpected?.Invoke();
            }

            _answers.Add(answer);
            _waiters.Remove(ordinal, out waiter);
        }

        waiter?.TrySetResult(answer);
        return expected;
    }

    public Task<ReceivedResult> WaitForAnswerAsync(int ordinal, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (ordinal < _answers.Count)
            {
                return Task.FromResult(_answers[ordinal]);
            }

            if (!_waiters.TryGetValue(ordinal, out var waiter))
            {
                waiter = new TaskCompletionSource<ReceivedResult>(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters[ordinal] = waiter;
            }

            return waiter.Task.WaitAsync(cancellationToken);
        }
    }

    public RequestSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new RequestSnapshot(
                Id, AgentId, Envelope.Type, Envelope.Payload, CreatedAt, _sendCount, _expectedAnswers, _answers.Count, [.. _answers]);
        }
    }
}
