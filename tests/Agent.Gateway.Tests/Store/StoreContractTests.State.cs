using Agent.Gateway.Store;
using Agent.Gateway.Store.Sql;

namespace Agent.Gateway.Tests.Store;

/// <summary>The rest of the contract: seq ledger, presence, payload protection at rest, restarts and migrations.</summary>
public abstract partial class StoreContractTests
{
    [Fact]
    public async Task SeqLedger_StartsAtZeroAndNeverGoesBack()
    {
        var ledger = Host.Get<ISeqLedger>();
        Assert.Equal(0, await ledger.AckedAsync("agent-eu", "instance-1", Token));

        await ledger.AdvanceAsync("agent-eu", "instance-1", 7, Token);
        await ledger.AdvanceAsync("agent-eu", "instance-1", 3, Token);
        await ledger.AdvanceAsync("agent-eu", "instance-2", 2, Token);

        Assert.Equal(7, await ledger.AckedAsync("agent-eu", "instance-1", Token));
        Assert.Equal(2, await ledger.AckedAsync("agent-eu", "instance-2", Token));
        await ledger.AdvanceAsync("agent-eu", "instance-1", 8, Token);
        Assert.Equal(8, await ledger.AckedAsync("agent-eu", "instance-1", Token));
    }

    [Fact]
    public async Task PayloadProtector_RoundTrips_AndNothingIsInClearAtRest()
    {
        var protector = Host.Get<IPayloadProtector>();
        var protectedPayload = protector.Protect(StoreSamples.DeployPayload);
        await Host.Get<IPipelineBook>().SaveAsync(
            StoreSamples.Pipeline("dag_a") with { ProtectedPayload = protectedPayload, ProtectedConfig = protector.Protect(StoreSamples.DeployPayload) }, Token);

        Assert.Equal(StoreSamples.DeployPayload, protector.Unprotect(protectedPayload));
        var atRest = await ContentAtRestAsync(Host);
        Assert.Contains(protectedPayload, atRest, StringComparison.Ordinal);
        Assert.DoesNotContain(StoreSamples.BotToken, atRest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task State_SurvivesARestart_WithTheKeyRingFromTheStore()
    {
        var protectedPayload = Host.Get<IPayloadProtector>().Protect(StoreSamples.DeployPayload);
        await Host.Get<IPipelineBook>().SaveAsync(StoreSamples.Pipeline("dag_a") with { ProtectedPayload = protectedPayload }, Token);
        await Host.Get<IRunBook>().RecordAsync("agent-eu", StoreSamples.Run("r1", "success", 1_000), Token);

        await RestartAsync();

        var found = await Host.Get<IPipelineBook>().FindAsync("dag_a", Token);
        Assert.NotNull(found);
        Assert.Equal(StoreSamples.DeployPayload, Host.Get<IPayloadProtector>().Unprotect(found.ProtectedPayload));
        Assert.Equal("r1", Assert.Single(await Host.Get<IRunBook>().RecentAsync("svc.pipeline", 10, Token)).RunId);
        Assert.True(await CountAsync("data_protection_keys") >= 1);
    }

    [Fact]
    public async Task Migrations_RunAgain_ApplyNothing()
    {
        var database = Host.Get<StoreDatabase>();

        Assert.Equal(0, await StoreMigrator.ApplyAsync(database, Token));
        Assert.Equal(0, await StoreMigrator.ApplyAsync(database, Token));

        Assert.Equal(database.Migrations.Count, await CountAsync("schema_migrations"));
    }
}
