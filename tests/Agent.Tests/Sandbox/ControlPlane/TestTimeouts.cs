namespace Agent.Tests.Sandbox.ControlPlane;

/// <summary>Upper bounds for awaited signals; reaching one fails the test instead of hanging it.</summary>
internal static class TestTimeouts
{
    public static readonly TimeSpan Frame = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan Signal = TimeSpan.FromSeconds(10);

    public static CancellationToken SignalToken() => new CancellationTokenSource(Signal).Token;
}
