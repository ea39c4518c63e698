namespace Agent.IntegrationTests.Gateway;

/// <summary>
/// Waits on state another process owns (the gateway's run book, the emulator's resources) by polling every 100 ms,
/// bounded by <see cref="TestTimeouts.Default"/>; a timeout fails with what was awaited and the processes' last lines.
/// </summary>
internal static class Polling
{
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, GatewayRig rig) =>
        await UntilFoundAsync(async () => await condition() ? new object() : null, what, rig);

    public static async Task<T> UntilFoundAsync<T>(Func<Task<T?>> probe, string what, GatewayRig rig)
        where T : class
    {
        using var bound = new CancellationTokenSource(TestTimeouts.Default);
        using var ticks = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            do
            {
                if (await probe() is { } found)
                {
                    return found;
                }
            }
            while (await ticks.WaitForNextTickAsync(bound.Token));
        }
        catch (OperationCanceledException)
        {
            // Reported below with the processes' lines.
        }

        throw new TimeoutException($"waited {TestTimeouts.Default.TotalSeconds} s for {what}\n{rig.Tails}");
    }
}
