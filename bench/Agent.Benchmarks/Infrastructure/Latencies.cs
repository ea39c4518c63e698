using System.Diagnostics;

namespace Agent.Benchmarks.Infrastructure;

/// <summary>Latency samples in milliseconds and failures, safe to add to from many tasks.</summary>
internal sealed class Latencies
{
    private readonly List<double> _samples = [];
    private readonly Dictionary<string, int> _failures = new(StringComparer.Ordinal);

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

    public int Failures
    {
        get
        {
            lock (_samples)
            {
                return _failures.Values.Sum();
            }
        }
    }

    /// <summary>Failures by reason, e.g. <c>code 429 ×12, timeout ×3</c>; empty when there were none.</summary>
    public string FailureReasons
    {
        get
        {
            lock (_samples)
            {
                return string.Join(", ", _failures.OrderByDescending(f => f.Value).Select(f => $"{f.Key} ×{f.Value}"));
            }
        }
    }

    public static double Since(long startTimestamp) => Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds;

    public void Add(double milliseconds)
    {
        lock (_samples)
        {
            _samples.Add(milliseconds);
        }
    }

    public void Fail(string reason)
    {
        lock (_samples)
        {
            _failures[reason] = _failures.GetValueOrDefault(reason) + 1;
        }
    }

    /// <summary>Adds every sample and failure of <paramref name="other"/>, to pool several rounds.</summary>
    public void AddAll(Latencies other)
    {
        List<double> samples;
        List<KeyValuePair<string, int>> failures;
        lock (other._samples)
        {
            samples = [.. other._samples];
            failures = [.. other._failures];
        }

        lock (_samples)
        {
            _samples.AddRange(samples);
            foreach (var (reason, count) in failures)
            {
                _failures[reason] = _failures.GetValueOrDefault(reason) + count;
            }
        }
    }

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
