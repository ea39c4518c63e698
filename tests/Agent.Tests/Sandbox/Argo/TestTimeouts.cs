namespace Agent.Tests.Sandbox.Argo;

/// <summary>Upper bounds for waiting on the sandbox; tests never sleep, they wait on a read with one of these.</summary>
internal static class TestTimeouts
{
    public static readonly TimeSpan Request = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan StreamRead = TimeSpan.FromSeconds(10);
}
