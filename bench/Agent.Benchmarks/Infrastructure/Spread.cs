using System.Globalization;

namespace Agent.Benchmarks.Infrastructure;

/// <summary>The median of a few rounds and their range, printed as <c>median (min–max)</c>.</summary>
internal static class Spread
{
    public static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Where(value => !double.IsNaN(value)).Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public static string Format(IReadOnlyCollection<double> values, string format = "0.0")
    {
        var known = values.Where(value => !double.IsNaN(value)).ToArray();
        return known.Length == 0
            ? "–"
            : string.Create(CultureInfo.InvariantCulture, $"{Median(known).ToString(format, CultureInfo.InvariantCulture)} ({known.Min().ToString(format, CultureInfo.InvariantCulture)}–{known.Max().ToString(format, CultureInfo.InvariantCulture)})");
    }
}
