using System.Diagnostics;

namespace Agent.TestKit.Processes;

/// <summary>How a test ends a program it started and no longer needs: killed with its children if it still runs.</summary>
internal static class ProcessEnd
{
    /// <summary>Kills <paramref name="process"/> (and its tree) unless it exited, waits a bounded while for the exit, then disposes it.</summary>
    public static async Task KillAndDisposeAsync(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        using var waiting = new CancellationTokenSource(TestTimeouts.Default);
        try
        {
            await process.WaitForExitAsync(waiting.Token);
        }
        catch (OperationCanceledException)
        {
            // Killed; the kernel reaps it.
        }

        process.Dispose();
    }
}
