using System.Diagnostics;

namespace Agent.Benchmarks.Infrastructure;

/// <summary>
/// An open-loop load: operation <c>i</c> starts at <c>start + i / rate</c> whether or not the earlier ones have
/// finished, so a slow answer cannot hide behind a paused sender. Every operation has its own timeout; the count is
/// fixed up front (rate × duration), so the loop always ends. An operation answers null when it succeeded, else why not.
/// <see cref="Outcome.MaxLateness"/> is how far behind its schedule the sender fell at worst: after a pause of this
/// process it sends everything that fell due at once, so a large value marks a burst the agent saw.
/// </summary>
internal static class LoadRunner
{
    public sealed record Outcome(Latencies Latencies, TimeSpan SendTime, TimeSpan TotalTime, int Offered, TimeSpan MaxLateness);

    public static async Task<Outcome> RunAsync(
        double rate, TimeSpan duration, TimeSpan timeout, Func<int, CancellationToken, Task<string?>> operation)
    {
        var total = Math.Max(1, (int)(rate * duration.TotalSeconds));
        var latencies = new Latencies();
        var running = new List<Task>(total);
        var start = Stopwatch.GetTimestamp();
        var maxLateness = TimeSpan.Zero;
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate) - Stopwatch.GetElapsedTime(start);
            if (due > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(due);
            }
            else if (-due > maxLateness)
            {
                maxLateness = -due;
            }

            running.Add(TimeOneAsync(i, timeout, operation, latencies));
        }

        var sendTime = Stopwatch.GetElapsedTime(start);
        await Task.WhenAll(running);
        return new Outcome(latencies, sendTime, Stopwatch.GetElapsedTime(start), total, maxLateness);
    }

    private static async Task TimeOneAsync(int index, TimeSpan timeout, Func<int, CancellationToken, Task<string?>> operation, Latencies latencies)
    {
        await Task.Yield();
        using var cancel = new CancellationTokenSource(timeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            if (await operation(index, cancel.Token) is { } failure)
            {
                latencies.Fail(failure);
            }
            else
            {
                latencies.Add(Latencies.Since(started));
            }
        }
        catch (OperationCanceledException)
        {
            latencies.Fail("timeout");
        }
        catch (Exception ex) when (ex is HttpRequestException or System.Net.WebSockets.WebSocketException)
        {
            latencies.Fail(ex.GetType().Name);
        }
    }
}
