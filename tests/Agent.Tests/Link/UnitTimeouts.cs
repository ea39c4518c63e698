namespace Agent.Tests.Link;

/// <summary>Upper bounds for real-time waits on signals in these fake-clock tests; never slept through.</summary>
internal static class UnitTimeouts
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(20);

    public static CancellationToken Token() => new CancellationTokenSource(Default).Token;
}
