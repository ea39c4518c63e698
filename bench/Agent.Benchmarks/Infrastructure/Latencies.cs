using System.Diagnostics;

namespace Agent.Benchmarks.Infrastructure;

/// <summary>Latency samples in milliseconds and failures, safe to add to from many tasks.</summary>
internal sealed class Latencies
{
    private readonly List<double> _samples = [];
    private int _failures;

    public int Count
    {
        get
        {
            lock (_samples)
            {
                return _samples.Count;
            }
        }
    }

    public int Failures => Volatile.Read(ref _failures);

    public static double Since(long startTimestamp) => Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds;

    public void Add(double milliseconds)
    {
        lock (_samples)
        {
            _samples.Add(milliseconds);
        }
    }

    public void Fail() => Interlocked.Increment(ref _failures);

    /// <summary>Nearest-rank percentile (0–100) of the samples so far; NaN when there are none.</summary>
    public double Percentile(double percent)
    {
        double[] sorted;
        lock (_samples)
        {
            sorted = [.. _samples];
        }

        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        Array.Sort(sorted);
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public double Max => Percentile(100);
}
