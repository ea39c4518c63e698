using System.Text.Json;
using Agent.Core.Protocol.Messages;
using Agent.Gateway.Agents;
using Agent.Gateway.Store;
using Agent.Gateway.Store.Postgres;
using Agent.Gateway.Store.Sql;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Agent.Gateway.Tests.Store;

/// <summary>Two replicas (two hosts, different replica ids) on one PostgreSQL database, talking over LISTEN/NOTIFY.</summary>
[Collection(PostgresCluster.Name)]
public sealed class PostgresReplicaBusTests(PostgresFixture postgres) : IAsyncLifetime
{
    private const string Payload = """{"pipelineFqn":"mysql_prod.metadata","secret":"forwarded-bot-token"}""";
    private readonly CancellationToken _token = TestTimeouts.Token();
    private readonly FakeTimeProvider _time = new();
    private IHost _a = null!;
    private IHost _b = null!;
    private string _connection = string.Empty;

    private PostgresReplicaBus BusA => (PostgresReplicaBus)_a.Get<IReplicaBus>();

    private PostgresReplicaBus BusB => (PostgresReplicaBus)_b.Get<IReplicaBus>();

    public async Task InitializeAsync()
    {
        _connection = await postgres.Server.CreateDatabaseAsync(_token);
        _a = await StoreHost.StartAsync(PostgresSettings.For(_connection, "replica-a"), _time);
        _b = await StoreHost.StartAsync(PostgresSettings.For(_connection, "Replica.B"), _time);
        await Task.WhenAll(BusA.Listening, BusB.Listening).WaitAsync(_token);
    }

    public async Task DisposeAsync()
    {
        await _a.StopAndDisposeAsync();
        await _b.StopAndDisposeAsync();
    }

    [Fact]
    public async Task ForwardAsync_ReachesTheOtherReplicasHandler_AndBringsItsReplyBack()
    {
        var received = new TaskCompletionSource<(ForwardedRequest Request, string Payload)>(TaskCreationOptions.RunContinuationsAsynchronously);
        BusB.Serve((request, _) =>
        {
            received.TrySetResult((request, request.Payload.GetRawText()));
            return Task.FromResult(AgentReply.Answered(new ResultPayload(true, 200, "argo", "3.6.2", Data: JsonElement.Parse("""{"killed":1}"""))));
        });

        var reply = await BusA.ForwardAsync("Replica.B", "agent-eu", "pipeline.kill", JsonElement.Parse(Payload), TimeSpan.FromSeconds(20), _token);

        Assert.Equal(AgentReplyKind.Answered, reply.Kind);
        Assert.Equal(200, reply.Result!.Code);
        Assert.Equal(1, reply.Result.Data!.Value.GetProperty("killed").GetInt32());
        var (request, payload) = await received.Task.WaitAsync(_token);
        Assert.Equal(("agent-eu", "pipeline.kill", TimeSpan.FromSeconds(20)), (request.AgentId, request.Type, request.Wait));
        Assert.Equal(Payload, payload);
        Assert.Equal(0, await CountForwardedAsync());
    }

    [Fact]
    public async Task ForwardAsync_HandlerNeverAnswers_TimesOutAfterTheWait()
    {
        var wait = TimeSpan.FromSeconds(15);
        var handled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var protectedAtRest = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        BusB.Serve(async (_, _) =>
        {
            protectedAtRest.TrySetResult(await ForwardedRowsAsync());
            handled.TrySetResult();
            return await new TaskCompletionSource<AgentReply>().Task;
        });

        var forwarding = BusA.ForwardAsync("Replica.B", "agent-eu", "pipeline.logs", JsonElement.Parse(Payload), wait, _token);
        await handled.Task.WaitAsync(_token);
        _time.Advance(wait);
        var reply = await forwarding.WaitAsync(_token);

        Assert.Equal(AgentReply.TimedOut("agent-eu", wait), reply);
        Assert.DoesNotContain("forwarded-bot-token", await protectedAtRest.Task, StringComparison.Ordinal);
        Assert.Equal(0, await CountForwardedAsync());
    }

    [Fact]
    public async Task ForwardAsync_ReplicaThatServesNothing_SaysNotConnected()
    {
        var reply = await BusA.ForwardAsync("Replica.B", "agent-us", "pipeline.kill", JsonElement.Parse("{}"), TimeSpan.FromSeconds(20), _token);

        Assert.Equal(AgentReply.NotConnected("agent-us"), reply);
    }

    [Fact]
    public async Task Listener_ConnectionKilled_ReconnectsAndServesAgain()
    {
        // A replica on the real clock: the reconnect waits Polly's first back-off (about a second), not a fake one.
        var c = await StoreHost.StartAsync(PostgresSettings.For(_connection, "replica-c"));
        try
        {
            var busC = (PostgresReplicaBus)c.Get<IReplicaBus>();
            await busC.Listening.WaitAsync(_token);
            busC.Serve((_, _) => Task.FromResult(AgentReply.Answered(new ResultPayload(true, 200, "argo", "3.6.2"))));
            var relistened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            busC.Listened += () => relistened.TrySetResult();

            await using (var connection = await c.Get<StoreDatabase>().OpenAsync(_token))
            await using (var kill = connection.Command(
                "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE query = @listen", ("@listen", "LISTEN " + ReplicaChannel.For("replica-c"))))
            {
                Assert.Equal(1L, await kill.ExecuteScalarAsync(_token));
            }

            await relistened.Task.WaitAsync(_token);
            var reply = await BusA.ForwardAsync("replica-c", "agent-eu", "pipeline.kill", JsonElement.Parse("{}"), TimeSpan.FromSeconds(20), _token);
            Assert.Equal(AgentReplyKind.Answered, reply.Kind);
        }
        finally
        {
            await c.StopAndDisposeAsync();
        }
    }

    private async Task<long> CountForwardedAsync()
    {
        await using var connection = await _a.Get<StoreDatabase>().OpenAsync(_token);
        await using var command = connection.Command("SELECT COUNT(*) FROM forwarded_requests");
        return (long)(await command.ExecuteScalarAsync(_token))!;
    }

    private async Task<string> ForwardedRowsAsync()
    {
        await using var connection = await _a.Get<StoreDatabase>().OpenAsync(_token);
        await using var command = connection.Command("SELECT COALESCE(string_agg(f::text, ' '), '') FROM forwarded_requests f");
        return (string)(await command.ExecuteScalarAsync(_token))!;
    }
}
