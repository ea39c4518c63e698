using System.Globalization;

namespace Agent.Sandbox.Argo.Lifecycle;

/// <summary>
/// The log of one container, append-only. Besides real lines it holds synthetic segments (N lines of M bytes) that are
/// generated when read, so a benchmark can give a pod a log of hundreds of MB without keeping it in memory.
/// </summary>
internal sealed class ContainerLog
{
    private readonly Lock _gate = new();
    private readonly List<Segment> _segments = [];
    private int _count;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    public void Append(IEnumerable<string> lines)
    {
        lock (_gate)
        {
            if (_segments.Count == 0 || _segments[^1].Lines is null)
            {
                _segments.Add(new Segment(_count, [], 0));
            }

            var segment = _segments[^1];
            segment.Lines!.AddRange(lines);
            _count = segment.Start + segment.Lines.Count;
        }
    }

    /// <summary>Appends <paramref name="count"/> generated lines of <paramref name="lineBytes"/> ASCII bytes each.</summary>
    public void AppendSynthetic(int count, int lineBytes)
    {
        lock (_gate)
        {
            _segments.Add(new Segment(_count, null, lineBytes));
            _count += count;
            _segments.Add(new Segment(_count, [], 0));
        }
    }

    /// <summary>Line <paramref name="index"/> (0-based), which must be below <see cref="Count"/>.</summary>
    public string LineAt(int index)
    {
        lock (_gate)
        {
            var position = _segments.FindLastIndex(segment => segment.Start <= index && (segment.Lines is null || segment.Lines.Count > 0));
            var segment = _segments[position];
            return segment.Lines is { } lines ? lines[index - segment.Start] : Synthetic(index, segment.LineBytes);
        }
    }

    /// <summary>Every line from <paramref name="fromLine"/> on, materialized; for small logs and tests.</summary>
    public (IReadOnlyList<string> Lines, int Count) Read(int fromLine)
    {
        var count = Count;
        return (Enumerable.Range(fromLine, Math.Max(0, count - fromLine)).Select(LineAt).ToList(), count);
    }

    private static string Synthetic(int index, int lineBytes)
    {
        var label = $"[bench] line {index.ToString(CultureInfo.InvariantCulture)} ";
        return label.Length >= lineBytes ? label[..lineBytes] : label + new string('x', lineBytes - label.Length);
    }

    private sealed record Segment(int Start, List<string>? Lines, int LineBytes);
}
