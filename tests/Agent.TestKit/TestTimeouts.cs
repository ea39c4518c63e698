namespace Agent.TestKit;

/// <summary>
/// The one upper bound for awaiting a signal (a frame, a status, a stream line, a request). A passing test never waits
/// this long; reaching it fails the test instead of hanging it. Generous because CI machines are small.
/// </summary>
internal static class TestTimeouts
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(30);

    public static CancellationToken Token(TimeSpan? timeout = null) => new CancellationTokenSource(timeout ?? Default).Token;
}
