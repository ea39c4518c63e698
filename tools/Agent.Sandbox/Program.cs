namespace Agent.Sandbox;

/// <summary>Runs the sandbox: a control plane, an Argo Server emulator and an OpenMetadata REST emulator on one loopback port.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var app = SandboxApp.Build(args);
        await app.RunAsync();
        return 0;
    }
}
