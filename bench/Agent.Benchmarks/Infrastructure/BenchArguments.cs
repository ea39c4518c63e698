using System.Globalization;

namespace Agent.Benchmarks.Infrastructure;

/// <summary>The <c>--name value</c> options after the benchmark name; every option has a default.</summary>
internal sealed class BenchArguments(IReadOnlyList<string> args)
{
    public double Double(string name, double fallback) =>
        Find(name) is { } value ? double.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public string Text(string name, string fallback) => Find(name) ?? fallback;

    public int Int(string name, int fallback) =>
        Find(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    /// <summary>A duration in seconds, or with a unit: <c>90</c>, <c>90s</c>, <c>3m</c>, <c>1h</c>.</summary>
    public TimeSpan Duration(string name, TimeSpan fallback)
    {
        if (Find(name) is not { } value)
        {
            return fallback;
        }

        var (number, unit) = char.IsLetter(value[^1]) ? (value[..^1], value[^1]) : (value, 's');
        var amount = double.Parse(number, CultureInfo.InvariantCulture);
        return unit switch
        {
            'h' => TimeSpan.FromHours(amount),
            'm' => TimeSpan.FromMinutes(amount),
            _ => TimeSpan.FromSeconds(amount),
        };
    }

    public IReadOnlyList<double> Doubles(string name, IReadOnlyList<double> fallback) =>
        Find(name) is { } value
            ? [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture))]
            : fallback;

    private string? Find(string name)
    {
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (args[i] == $"--{name}")
            {
                return args[i + 1];
            }
        }

        return null;
    }
}
