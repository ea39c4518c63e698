using System.Diagnostics;

namespace Agent.Benchmarks.Infrastructure;

/// <summary>
/// A closed-loop load: <c>concurrency</c> callers, each sending its next request as soon as the last one answered,
/// first for a warm-up whose answers are discarded, then for a measured window. Requests/s is what completed with
/// success inside the window, divided by its length. Each request has its own timeout, and a failure (the operation's
/// reason, a timeout or a transport error) is counted, never timed. The caller number and a global sequence number are
/// passed to the operation, so it can spread requests over targets.
/// </summary>
internal static class ClosedLoop
{
    public sealed record Outcome(Latencies Latencies, TimeSpan Window)
    {
        public double PerSecond => Latencies.Count / Window.TotalSeconds;
    }

    public static async Task<Outcome> RunAsync(
        int concurrency, TimeSpan warmup, TimeSpan duration, TimeSpan timeout, Func<long, CancellationToken, Task<string?>> operation)
    {
        var latencies = new Latencies();
        var sequence = -1L;
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var end = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var callers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var started = Stopwatch.GetTimestamp();
                if (started >= end)
                {
                    return;
                }

                var failure = await OneAsync(Interlocked.Increment(ref sequence), timeout, operation);
                var finished = Stopwatch.GetTimestamp();

                // Only what started and finished inside the window counts, so the window's edges cannot inflate the rate.
                if (started < measureFrom || finished > end)
                {
                    continue;
                }

                if (failure is null)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(started, finished).TotalMilliseconds);
                }
                else
                {
                    latencies.Fail(failure);
                }
            }
        }));
        await Task.WhenAll(callers);
        return new Outcome(latencies, duration);
    }

    private static async Task<string?> OneAsync(long index, TimeSpan timeout, Func<long, CancellationToken, Task<string?>> operation)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            return await operation(index, cancel.Token);
        }
        catch (OperationCanceledException)
        {
            return "timeout";
        }
        catch (HttpRequestException ex)
        {
            return $"{nameof(HttpRequestException)}: {ex.HttpRequestError}";
        }
    }
}
