namespace Agent.Sandbox;

/// <summary>Runs the sandbox: a control plane and an Argo Server emulator on one loopback port.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var app = SandboxApp.Build(args);
        await app.RunAsync();
        return 0;
    }
}
