using System.Globalization;

namespace Agent.TestKit.Processes;

/// <summary>Signals to a process started by the tests, through <c>kill</c>, as the kubelet sends them.</summary>
internal static class Signals
{
    /// <summary>Sends SIGTERM to <paramref name="processId"/>; fails when <c>kill</c> does.</summary>
    public static Task TerminateAsync(int processId, CancellationToken cancellationToken) => SendAsync("TERM", processId, cancellationToken);

    /// <summary>Sends SIGKILL (no drain, no goodbye: an OOM kill or a node loss); fails when <c>kill</c> does.</summary>
    public static Task KillAsync(int processId, CancellationToken cancellationToken) => SendAsync("KILL", processId, cancellationToken);

    private static async Task SendAsync(string signal, int processId, CancellationToken cancellationToken)
    {
        using var kill = System.Diagnostics.Process.Start("kill", ["-" + signal, processId.ToString(CultureInfo.InvariantCulture)])
            ?? throw new InvalidOperationException("could not run kill");
        await kill.WaitForExitAsync(cancellationToken);
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {processId} exited {kill.ExitCode}");
        }
    }
}
