namespace Agent.Tests;

/// <summary>Named upper bounds for awaiting signals; a passing test never waits this long.</summary>
internal static class TestTimeouts
{
    public static readonly TimeSpan Signal = TimeSpan.FromSeconds(10);
}
