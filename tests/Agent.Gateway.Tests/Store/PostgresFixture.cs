using Agent.TestKit.Postgres;

namespace Agent.Gateway.Tests.Store;

/// <summary>One throwaway PostgreSQL cluster for the tests of <see cref="PostgresCluster"/>; each test makes its own database.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    internal PostgresServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await PostgresServer.StartAsync(TestTimeouts.Token(TimeSpan.FromMinutes(2)));

    public async Task DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
