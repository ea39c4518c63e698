using System.Collections.Frozen;
using Agent.Core.Link;
using Agent.Core.Metrics;
using Agent.Core.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Agent.Core.Operations;

/// <summary>
/// Takes each request off the reader loop and answers it exactly once per id: duplicates share the first
/// execution's answer, late requests get 408, requests past the concurrency limit get 429, and every answer
/// goes through the reliable outbox so a dropped link cannot lose it.
/// </summary>
internal sealed partial class RequestDispatcher : IRequestSink, IDisposable
{
    private static readonly TimeSpan MaxTimerDelay = TimeSpan.FromMilliseconds(uint.MaxValue - 1);
    private readonly FrozenDictionary<string, IOperationHandler> _handlers;
    private readonly IReliableSender _outbox;
    private readonly ResultCache _results;
    private readonly AgentMetrics _metrics;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<RequestDispatcher> _logger;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _handingBack = new();
    private volatile bool _stopping;
    private readonly int _maxConcurrent;
    private int _inFlight;
    private int _repliesInProgress;

    public RequestDispatcher(
        IEnumerable<IOperationHandler> handlers,
        IReliableSender outbox,
        ResultCache results,
        IOptions<ControlPlaneOptions> options,
        AgentMetrics metrics,
        TimeProvider timeProvider,
        ILogger<RequestDispatcher> logger)
    {
        _handlers = handlers.ToFrozenDictionary(handler => handler.Type, StringComparer.Ordinal);
        _outbox = outbox;
        _results = results;
        _metrics = metrics;
        _timeProvider = timeProvider;
        _logger = logger;
        _maxConcurrent = options.Value.MaxConcurrentOperations;
        _slots = new SemaphoreSlim(_maxConcurrent, _maxConcurrent);
        _maxRepliesWaiting = options.Value.MaxRepliesWaitingForOutbox;
        _results.IsAnswerAcknowledged = IsAnswerAcknowledged;
    }

    /// <summary>Request types this agent executes, announced as <c>capabilities</c> in <c>hello</c>.</summary>
    public IReadOnlyCollection<string> Capabilities => _handlers.Keys;

    /// <summary>Operations executing now.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>
    /// True when nothing is executing and every answer is in the outbox. An operation leaves <see cref="InFlight"/> a
    /// moment before its result is enqueued, so shutdown waits for this, not for <see cref="InFlight"/> alone.
    /// </summary>
    public bool IsIdle => InFlight == 0 && Volatile.Read(ref _repliesInProgress) == 0;

    /// <summary>
    /// Starts answering <paramref name="request"/>; returns at once so the reader loop keeps reading. False when the
    /// request was refused, neither executed nor remembered, because too many answers already wait for the outbox.
    /// </summary>
    public bool Dispatch(Envelope request)
    {
        var receivedAt = _timeProvider.GetTimestamp();
        if (RefuseWhileOutboxBacklogged(request))
        {
            return false;
        }

        // Claimed before the cache is asked: a copy whose answer is still on its way is neither answered nor, for an
        // answer the cache did not keep, executed again. Expired answers are forgotten before the claim, which would
        // make this id's acknowledged answer look pending and keep it past its retention.
        _results.PruneIfDue();
        if (TryClaimAnswer(request.Id) is not { } receipt)
        {
            PendingLog.AnswerPending(_logger, request.Id, request.Type);
            return true;
        }

        var (answer, isDuplicate) = _results.GetOrStart(request.Id, () => ExecuteAsync(request), RetentionFor(request.Type));
        Interlocked.Increment(ref _repliesInProgress);
        _ = ReplyAsync(request, receipt, answer, receivedAt, isDuplicate);
        return true;
    }

    /// <summary>Stops executing new requests for good (shutdown); they are answered 503 from now on.</summary>
    public void StopAccepting()
    {
        _stopping = true;
        Drain();
    }

    /// <summary>Cancels what is still executing; each is answered 503 so the control plane sends it again later.</summary>
    public void HandBackInFlight()
    {
        try
        {
            _handingBack.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The host already disposed the dispatcher: nothing is executing any more.
        }
    }

    private async Task<OperationResult> ExecuteAsync(Envelope request)
    {
        // Every log line written while this request executes carries its id and type.
        using var scope = _logger.BeginScope(new Dictionary<string, object> { ["RequestId"] = request.Id, ["RequestType"] = request.Type });
        if (_stopping)
        {
            return new OperationResult(ResultCodes.ArgoUnreachable, "agent is shutting down; send the request again after it reconnects");
        }

        if (DrainingSince is { } since)
        {
            return new OperationResult(
                ResultCodes.ArgoUnreachable, $"agent is draining since {since:O} (POST /admin/drain): taking no new work until DELETE /admin/drain; send the request again later");
        }

        if (!RequestDeadline.TryRead(request.Payload, out var deadline, out var deadlineReason))
        {
            return OperationResult.BadRequest(deadlineReason!);
        }

        if (deadline is { } due && _timeProvider.GetUtcNow() > due)
        {
            return new OperationResult(ResultCodes.DeadlinePassed, $"request arrived after its deadline {due:O}; not executed");
        }

        if (!_handlers.TryGetValue(request.Type, out var handler))
        {
            return OperationResult.BadRequest($"unknown request type '{request.Type}'");
        }

        if (!_slots.Wait(0))
        {
            return new OperationResult(ResultCodes.Busy, $"agent busy: the limit of {_maxConcurrent} operations executing at once is reached; retry later");
        }

        return await RunHandlerAsync(handler, request, deadline);
    }

    private async Task<OperationResult> RunHandlerAsync(IOperationHandler handler, Envelope request, DateTimeOffset? deadline)
    {
        Interlocked.Increment(ref _inFlight);

        // Counted on the same clock the deadline was checked against; a deadline further away than a timer
        // can wait (about 49 days) is as good as none.
        var remaining = deadline is { } due ? Max(due - _timeProvider.GetUtcNow(), TimeSpan.Zero) : (TimeSpan?)null;
        using var deadlineTimer = remaining < MaxTimerDelay
            ? new CancellationTokenSource(remaining.Value, _timeProvider)
            : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(_handingBack.Token, deadlineTimer.Token);
        try
        {
            return await handler.HandleAsync(request, linked.Token);
        }
        catch (OperationCanceledException) when (_handingBack.IsCancellationRequested)
        {
            return new OperationResult(ResultCodes.ArgoUnreachable, "handed back: the agent shut down before this finished; send it again once an agent is connected");
        }
        catch (OperationCanceledException) when (deadlineTimer.IsCancellationRequested)
        {
            return new OperationResult(ResultCodes.DeadlinePassed, "deadline passed while executing; the operation may be incomplete");
        }
        catch (Exception ex)
        {
            return OperationErrors.ToResult(ex, _logger, request);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
            _slots.Release();
        }
    }

    public void Dispose()
    {
        _slots.Dispose();
        _handingBack.Dispose();
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
