namespace Agent.IntegrationTests.Infrastructure;

/// <summary>Upper bounds for waits on signals; generous because CI machines are small, never slept through.</summary>
internal static class TestTimeouts
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(30);

    public static CancellationToken Token(TimeSpan? timeout = null) => new CancellationTokenSource(timeout ?? Default).Token;
}
