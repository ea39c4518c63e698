using System.Text.Json;
using Agent.Core.Protocol;
using Agent.Gateway.Agents;
using Agent.Gateway.Store.Sql;

namespace Agent.Gateway.Store.Postgres;

/// <summary>The two table-side halves of a forwarded request: serving it on the target replica, reading its reply on the origin.</summary>
internal static class ForwardedRequestServer
{
    public static async Task ServeAsync(
        PostgresDatabase database, IPayloadProtector protector, TimeProvider timeProvider,
        Func<ForwardedRequest, CancellationToken, Task<AgentReply>>? handler, string id, CancellationToken stoppingToken)
    {
        string origin, agentId, type, protectedPayload;
        TimeSpan wait;
        await using (var connection = await database.OpenAsync(stoppingToken))
        await using (var select = connection.Command(
            "SELECT origin_replica, agent_id, type, protected_payload, wait_ms FROM forwarded_requests WHERE id = @id", ("@id", id)))
        await using (var reader = await select.ExecuteReaderAsync(stoppingToken))
        {
            if (!await reader.ReadAsync(stoppingToken))
            {
                return; // the origin gave up and deleted it
            }

            (origin, agentId, type, protectedPayload, wait) =
                (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), TimeSpan.FromMilliseconds(reader.GetInt64(4)));
        }

        // Cloned: the handler may keep the payload past this method (a request it queues for the agent).
        var payload = JsonElement.Parse(protector.Unprotect(protectedPayload)).Clone();
        var reply = await HandleAsync(handler, new ForwardedRequest(agentId, type, payload, wait), timeProvider, stoppingToken);

        await using var write = await database.OpenAsync(stoppingToken);
        await write.ExecuteAsync(
            """
            WITH answered AS (
                UPDATE forwarded_requests SET reply_kind = @kind, reply_result = @result, reply_problem = @problem WHERE id = @id RETURNING id)
            SELECT pg_notify(@channel, @message) FROM answered
            """,
            stoppingToken, ("@kind", reply.Kind.ToString()),
            ("@result", reply.Result is null ? null : JsonSerializer.Serialize(reply.Result, ProtocolJsonContext.Default.ResultPayload)),
            ("@problem", reply.Problem), ("@id", id), ("@channel", ReplicaChannel.For(origin)), ("@message", ReplicaChannel.ReplyPrefix + id));
    }

    public static async Task<AgentReply?> ReadReplyAsync(PostgresDatabase database, string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = connection.Command(
            "SELECT reply_kind, reply_result, reply_problem FROM forwarded_requests WHERE id = @id AND reply_kind IS NOT NULL", ("@id", id));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var result = reader.NullableString(1) is { } json ? JsonSerializer.Deserialize(json, ProtocolJsonContext.Default.ResultPayload) : null;
        return new AgentReply(Enum.Parse<AgentReplyKind>(reader.GetString(0)), result, reader.NullableString(2));
    }

    // The handler is bounded by the same wait as the origin: past it nobody collects the reply.
    private static async Task<AgentReply> HandleAsync(
        Func<ForwardedRequest, CancellationToken, Task<AgentReply>>? handler, ForwardedRequest request, TimeProvider timeProvider, CancellationToken stoppingToken)
    {
        if (handler is null)
        {
            return AgentReply.NotConnected(request.AgentId);
        }

        using var timeout = new CancellationTokenSource(request.Wait, timeProvider);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
        try
        {
            return await handler(request, bound.Token).WaitAsync(bound.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return AgentReply.TimedOut(request.AgentId, request.Wait);
        }
    }
}
