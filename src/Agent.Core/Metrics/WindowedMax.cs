namespace Agent.Core.Metrics;

/// <summary>
/// Maximum over a sliding time window, kept in a few rotating buckets so memory stays constant however many
/// observations arrive (the same idea as Micrometer's time-window max behind the seed's <c>_max</c> gauges).
/// </summary>
internal sealed class WindowedMax
{
    private const int BucketCount = 4;
    private readonly double[] _buckets = new double[BucketCount];
    private readonly TimeSpan _bucketLength;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _gate = new();
    private long _currentBucket;

    public WindowedMax(TimeSpan window, TimeProvider timeProvider)
    {
        _bucketLength = window / BucketCount;
        _timeProvider = timeProvider;
        _currentBucket = BucketIndex();
    }

    public double Add(double value)
    {
        lock (_gate)
        {
            Rotate();
            var slot = (int)(_currentBucket % BucketCount);
            _buckets[slot] = Math.Max(_buckets[slot], value);
            return _buckets.Max();
        }
    }

    public double Current()
    {
        lock (_gate)
        {
            Rotate();
            return _buckets.Max();
        }
    }

    private void Rotate()
    {
        var now = BucketIndex();
        for (var bucket = _currentBucket + 1; bucket <= now && bucket <= _currentBucket + BucketCount; bucket++)
        {
            _buckets[(int)(bucket % BucketCount)] = 0;
        }

        _currentBucket = Math.Max(_currentBucket, now);
    }

    private long BucketIndex() => _timeProvider.GetUtcNow().Ticks / _bucketLength.Ticks;
}
