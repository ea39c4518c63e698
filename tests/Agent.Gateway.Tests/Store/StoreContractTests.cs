using Agent.Core.Protocol.Messages;
using Agent.Gateway.Store;
using Agent.Gateway.Store.Sql;
using Microsoft.Extensions.Hosting;

namespace Agent.Gateway.Tests.Store;

/// <summary>
/// What every store backend must do, run once per backend (<see cref="SqliteStoreTests"/>, <see cref="PostgresStoreTests"/>).
/// Each test gets an empty store of its own.
/// </summary>
public abstract partial class StoreContractTests : IAsyncLifetime
{
    private readonly List<IHost> _hosts = [];
    private IReadOnlyDictionary<string, string?> _settings = new Dictionary<string, string?>();

    private protected IHost Host { get; private set; } = null!;

    private protected CancellationToken Token { get; } = TestTimeouts.Token();

    public async Task InitializeAsync()
    {
        _settings = await CreateStoreAsync();
        Host = await StartHostAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.StopAndDisposeAsync();
        }

        await DisposeStoreAsync();
    }

    /// <summary>Makes an empty store; returns the settings that point the gateway at it.</summary>
    private protected abstract Task<IReadOnlyDictionary<string, string?>> CreateStoreAsync();

    /// <summary>All the bytes the backend keeps, as text, for the no-clear-text test.</summary>
    private protected abstract Task<string> ContentAtRestAsync(IHost host);

    private protected virtual Task DisposeStoreAsync() => Task.CompletedTask;

    private protected async Task<IHost> StartHostAsync(TimeProvider? time = null)
    {
        var host = await StoreHost.StartAsync(_settings, time);
        _hosts.Add(host);
        return host;
    }

    private protected async Task RestartAsync()
    {
        await Host.StopAndDisposeAsync();
        _hosts.Remove(Host);
        Host = await StartHostAsync();
    }

    private protected async Task<long> CountAsync(string table)
    {
        await using var connection = await Host.Get<StoreDatabase>().OpenAsync(Token);
        await using var command = connection.Command($"SELECT COUNT(*) FROM {table}");
        return Convert.ToInt64(await command.ExecuteScalarAsync(Token), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task PipelineBook_SaveThenFind_ReturnsTheSameRecord()
    {
        var book = Host.Get<IPipelineBook>();
        var pipeline = StoreSamples.Pipeline("dag_a");

        Assert.Equal(new PipelineSave(true), await book.SaveAsync(pipeline, Token));

        Assert.Equal(pipeline, await book.FindAsync("dag_a", Token));
        Assert.Null(await book.FindAsync("dag_unknown", Token));
    }

    [Fact]
    public async Task PipelineBook_SaveSameFqn_ReplacesTheRecord()
    {
        var book = Host.Get<IPipelineBook>();
        await book.SaveAsync(StoreSamples.Pipeline("dag_a"), Token);
        var moved = StoreSamples.Pipeline("dag_a", agentId: "agent-us") with { ProtectedPayload = "second", Enabled = false };

        Assert.True((await book.SaveAsync(moved, Token)).Saved);

        Assert.Equal(moved, await book.FindAsync("dag_a", Token));
        Assert.Single(await book.ListAsync(Token));
    }

    [Fact]
    public async Task PipelineBook_SaveDagIdHeldByAnotherFqn_IsRefusedAndNamesTheHolder()
    {
        var book = Host.Get<IPipelineBook>();
        var holder = StoreSamples.Pipeline("dag_a", fqn: "mysql_prod.first");
        await book.SaveAsync(holder, Token);

        var save = await book.SaveAsync(StoreSamples.Pipeline("dag_a", fqn: "mysql_prod.second", agentId: "agent-us"), Token);

        Assert.False(save.Saved);
        Assert.Equal(holder, save.Holder);
        Assert.Equal(holder, await book.FindAsync("dag_a", Token));
    }

    [Fact]
    public async Task PipelineBook_SetEnabledRemoveAndList_ChangeOnlyTheirDag()
    {
        var book = Host.Get<IPipelineBook>();
        await book.SaveAsync(StoreSamples.Pipeline("dag_b", fqn: "s.b"), Token);
        await book.SaveAsync(StoreSamples.Pipeline("dag_a", fqn: "s.a"), Token);

        await book.SetEnabledAsync("dag_a", false, Token);

        Assert.False((await book.FindAsync("dag_a", Token))!.Enabled);
        Assert.True((await book.FindAsync("dag_b", Token))!.Enabled);
        Assert.Equal(["dag_a", "dag_b"], (await book.ListAsync(Token)).Select(p => p.DagId));
        Assert.True(await book.RemoveAsync("dag_a", Token));
        Assert.False(await book.RemoveAsync("dag_a", Token));
        Assert.Equal(["dag_b"], (await book.ListAsync(Token)).Select(p => p.DagId));
    }

    [Fact]
    public async Task PipelineBook_MarkDeletePending_ListsItForItsAgentOnly()
    {
        var book = Host.Get<IPipelineBook>();
        await book.SaveAsync(StoreSamples.Pipeline("dag_eu", fqn: "s.eu"), Token);
        await book.SaveAsync(StoreSamples.Pipeline("dag_eu_kept", fqn: "s.kept"), Token);
        await book.SaveAsync(StoreSamples.Pipeline("dag_us", fqn: "s.us", agentId: "agent-us"), Token);

        await book.MarkDeletePendingAsync("dag_eu", Token);
        await book.MarkDeletePendingAsync("dag_us", Token);

        var pending = Assert.Single(await book.PendingDeletesAsync("agent-eu", Token));
        Assert.Equal("dag_eu", pending.DagId);
        Assert.True(pending.DeletePending);
        Assert.Equal(["dag_us"], (await book.PendingDeletesAsync("agent-us", Token)).Select(p => p.DagId));
        Assert.False((await book.FindAsync("dag_eu_kept", Token))!.DeletePending);
    }

    [Fact]
    public async Task RunBook_Recent_IsNewestFirstByStartDateAndLimited()
    {
        var runs = Host.Get<IRunBook>();
        await runs.RecordAsync("agent-eu", StoreSamples.Run("r2", PipelineStates.Success, timestamp: 5_000, startDate: 2_000), Token);
        await runs.RecordAsync("agent-eu", StoreSamples.Run("r1", PipelineStates.Failed, timestamp: 9_000, startDate: 1_000), Token);
        await runs.RecordAsync("agent-eu", StoreSamples.Run("r3", PipelineStates.Queued, timestamp: 3_000, startDate: 3_000), Token);
        await runs.RecordAsync("agent-eu", StoreSamples.Run("other", PipelineStates.Queued, 4_000, fqn: "svc.other"), Token);

        Assert.Equal(["r3", "r2", "r1"], (await runs.RecentAsync("svc.pipeline", 10, Token)).Select(r => r.RunId));
        Assert.Equal(["r3", "r2"], (await runs.RecentAsync("svc.pipeline", 2, Token)).Select(r => r.RunId));
        Assert.Empty(await runs.RecentAsync("svc.unknown", 10, Token));
    }

    [Fact]
    public async Task RunBook_LaterReport_ReplacesTheEarlierOne()
    {
        var runs = Host.Get<IRunBook>();
        await runs.RecordAsync("agent-eu", StoreSamples.Run("r1", PipelineStates.Running, timestamp: 1_000), Token);
        var finished = StoreSamples.Run("r1", PipelineStates.Success, timestamp: 2_000) with { StartDate = null, EndDate = 2_000, Message = "done" };

        await runs.RecordAsync("agent-eu", finished, Token);

        var run = Assert.Single(await runs.RecentAsync("svc.pipeline", 10, Token));
        Assert.Equal(finished with { StartDate = 1_000 }, run);
    }

    [Fact]
    public async Task RunBook_FinishedRun_NeverGoesBackToRunning()
    {
        var runs = Host.Get<IRunBook>();
        await runs.RecordAsync("agent-eu", StoreSamples.Run("r1", PipelineStates.Running, timestamp: 3_000), Token);
        await runs.RecordAsync("agent-eu", StoreSamples.Run("r1", PipelineStates.Success, timestamp: 2_000), Token);
        await runs.RecordAsync("agent-eu", StoreSamples.Run("r1", PipelineStates.Running, timestamp: 9_000), Token);
        await runs.RecordAsync("agent-eu", StoreSamples.Run("r2", PipelineStates.Running, timestamp: 5_000), Token);
        await runs.RecordAsync("agent-eu", StoreSamples.Run("r2", PipelineStates.Queued, timestamp: 4_000), Token);

        var recent = await runs.RecentAsync("svc.pipeline", 10, Token);

        Assert.Equal(PipelineStates.Success, recent.Single(r => r.RunId == "r1").PipelineState);
        Assert.Equal(PipelineStates.Running, recent.Single(r => r.RunId == "r2").PipelineState);
    }

    [Fact]
    public async Task RunBook_KeepsOnlyTheNewestRunsOfEachPipeline()
    {
        var runs = Host.Get<IRunBook>();
        await runs.RecordAsync("agent-eu", StoreSamples.Run("elsewhere", PipelineStates.Success, 1, fqn: "svc.other"), Token);
        for (var i = 1; i <= SqlRunBook.KeptPerPipeline + 5; i++)
        {
            await runs.RecordAsync("agent-eu", StoreSamples.Run($"r{i:D3}", PipelineStates.Success, timestamp: 1_000 + i), Token);
        }

        var kept = await runs.RecentAsync("svc.pipeline", 1_000, Token);

        Assert.Equal(SqlRunBook.KeptPerPipeline, kept.Count);
        Assert.Equal($"r{SqlRunBook.KeptPerPipeline + 5:D3}", kept[0].RunId);
        Assert.Equal("r006", kept[^1].RunId);
        Assert.Single(await runs.RecentAsync("svc.other", 10, Token));
    }
}
