using Prometheus;

namespace Agent.Core.Metrics;

/// <summary>
/// A response time exported the way the seed dashboards read it: a summary (<c>_sum</c>, <c>_count</c>) plus a
/// <c>_max</c> gauge holding the largest observation of the last <see cref="Window"/>.
/// </summary>
internal sealed class ResponseTimeMetric
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(2);

    private readonly Summary _summary;
    private readonly Gauge _max;
    private readonly WindowedMax _windowedMax;

    public ResponseTimeMetric(IMetricFactory factory, string name, string help, TimeProvider timeProvider)
    {
        _summary = factory.CreateSummary(name, help);
        _max = factory.CreateGauge(name + "_max", help + ": largest of the last two minutes");
        _windowedMax = new WindowedMax(Window, timeProvider);
    }

    public void Observe(TimeSpan elapsed)
    {
        _summary.Observe(elapsed.TotalSeconds);
        _max.Set(_windowedMax.Add(elapsed.TotalSeconds));
    }

    /// <summary>Lets the <c>_max</c> gauge fall back once old observations leave the window.</summary>
    public void Refresh() => _max.Set(_windowedMax.Current());
}
