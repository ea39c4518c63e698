using System.Collections.Concurrent;
using System.Text.Json;
using Agent.Gateway.Agents;
using Agent.Gateway.Hosting;
using Agent.Gateway.Store.Sql;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Agent.Gateway.Store.Postgres;

/// <summary>
/// The replica bus over PostgreSQL LISTEN/NOTIFY. The forwarding replica writes the request (payload protected) into
/// <c>forwarded_requests</c> and notifies the serving replica's channel; the serving replica's listener runs the hub's
/// handler, writes the reply into the same row and notifies the origin, whose listener completes the waiting caller.
/// </summary>
internal sealed class PostgresReplicaBus : BackgroundService, IReplicaBus
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<AgentReply>> _waiting = new();
    private readonly PostgresDatabase _database;
    private readonly IPayloadProtector _protector;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<PostgresReplicaBus> _logger;
    private readonly ResiliencePipeline _reconnect;
    private readonly string _channel;
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Func<ForwardedRequest, CancellationToken, Task<AgentReply>>? _handler;

    public PostgresReplicaBus(
        PostgresDatabase database, IPayloadProtector protector, IOptions<GatewayOptions> options, TimeProvider timeProvider, ILogger<PostgresReplicaBus> logger)
    {
        _database = database;
        _protector = protector;
        _timeProvider = timeProvider;
        _logger = logger;
        ReplicaId = options.Value.ReplicaId;
        _channel = ReplicaChannel.For(ReplicaId);
        _reconnect = new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => ex is not OperationCanceledException),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromSeconds(1),
                MaxDelay = TimeSpan.FromSeconds(30),
                OnRetry = args =>
                {
                    StoreLog.Reconnecting(_logger, args.Outcome.Exception, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    public string ReplicaId { get; }

    /// <summary>Completes when the listener first runs LISTEN: from then on requests forwarded here are served.</summary>
    public Task Listening => _listening.Task;

    /// <summary>Raised each time the listener (re)connects and runs LISTEN.</summary>
    public event Action? Listened;

    public void Serve(Func<ForwardedRequest, CancellationToken, Task<AgentReply>> handler) => _handler = handler;

    public async Task<AgentReply> ForwardAsync(
        string replicaId, string agentId, string type, JsonElement payload, TimeSpan wait, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString("N");
        var reply = new TaskCompletionSource<AgentReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[id] = reply;
        // The bound starts before the insert, so it covers the whole round trip and a fast reply is never missed.
        var bounded = reply.Task.WaitAsync(wait, _timeProvider, cancellationToken);
        try
        {
            await using (var connection = await _database.OpenAsync(cancellationToken))
            {
                await connection.ExecuteAsync(
                    """
                    WITH request AS (
                        INSERT INTO forwarded_requests (id, origin_replica, target_replica, agent_id, type, protected_payload, wait_ms, created_at)
                        VALUES (@id, @origin, @target, @agent_id, @type, @payload, @wait_ms, @created_at) RETURNING id)
                    SELECT pg_notify(@channel, @message) FROM request
                    """,
                    cancellationToken, ("@id", id), ("@origin", ReplicaId), ("@target", replicaId), ("@agent_id", agentId), ("@type", type),
                    ("@payload", _protector.Protect(payload.GetRawText())), ("@wait_ms", (long)wait.TotalMilliseconds),
                    ("@created_at", _timeProvider.GetUtcNow().ToUnixTimeMilliseconds()),
                    ("@channel", ReplicaChannel.For(replicaId)), ("@message", ReplicaChannel.RequestPrefix + id));
            }

            return await bounded;
        }
        catch (TimeoutException)
        {
            return AgentReply.TimedOut(agentId, wait);
        }
        finally
        {
            _waiting.TryRemove(id, out _);
            await using var connection = await _database.OpenAsync(CancellationToken.None);
            await connection.ExecuteAsync("DELETE FROM forwarded_requests WHERE id = @id", CancellationToken.None, ("@id", id));
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => _reconnect.ExecuteAsync(ListenAsync, stoppingToken).AsTask();

    private async ValueTask ListenAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenListenerAsync(cancellationToken);
        // Raised inside WaitAsync on this connection: hand the work to the pool, which uses pooled connections.
        connection.Notification += (_, e) => _ = Task.Run(() => OnNotificationAsync(e.Payload, cancellationToken), CancellationToken.None);
        await using (var listen = connection.Command($"LISTEN {_channel}"))
        {
            await listen.ExecuteNonQueryAsync(cancellationToken);
        }

        StoreLog.Listening(_logger, ReplicaId, _channel);
        _listening.TrySetResult();
        Listened?.Invoke();
        while (true)
        {
            await connection.WaitAsync(cancellationToken);
        }
    }

    private async Task OnNotificationAsync(string message, CancellationToken stoppingToken)
    {
        var id = message.Length > 2 ? message[2..] : string.Empty;
        try
        {
            if (message.StartsWith(ReplicaChannel.RequestPrefix, StringComparison.Ordinal))
            {
                await ForwardedRequestServer.ServeAsync(_database, _protector, _timeProvider, _handler, id, stoppingToken);
            }
            else if (message.StartsWith(ReplicaChannel.ReplyPrefix, StringComparison.Ordinal) && _waiting.TryGetValue(id, out var waiting))
            {
                if (await ForwardedRequestServer.ReadReplyAsync(_database, id, stoppingToken) is { } reply)
                {
                    waiting.TrySetResult(reply);
                }
            }
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            StoreLog.ForwardFailed(_logger, ex, id);
        }
    }
}
