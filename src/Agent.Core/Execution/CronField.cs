using System.Globalization;

namespace Agent.Core.Execution;

/// <summary>
/// One field of a 5-field cron expression as robfig/cron v3 (standard spec) reads it, the parser of Argo and of the Kubernetes CronJob controller: comma lists of
/// <c>*</c>/<c>?</c>, values and <c>a-b</c> ranges, each with an optional <c>/step</c>; months and weekdays may be
/// named (JAN, MON, any case). Both refuse anything else when the schedule is created, so the agent refuses it first.
/// </summary>
internal sealed class CronField(string name, int min, int max, string[]? names = null)
{
    public static readonly CronField[] Standard =
    [
        new("minute", 0, 59),
        new("hour", 0, 23),
        new("day of month", 1, 31),
        new("month", 1, 12, ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]),
        new("day of week", 0, 6, ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]),
    ];

    /// <summary>Why <paramref name="text"/> is not a valid value of this field, or null when it is.</summary>
    public string? Problem(string text)
    {
        foreach (var part in text.Split(','))
        {
            if (PartProblem(part) is { } problem)
            {
                return $"{name} '{text}': {problem}";
            }
        }

        return null;
    }

    private string? PartProblem(string part)
    {
        var slash = part.Split('/');
        if (slash.Length > 2)
        {
            return $"'{part}' has more than one '/'";
        }

        if (slash.Length == 2 && (!int.TryParse(slash[1], NumberStyles.None, CultureInfo.InvariantCulture, out var step) || step <= 0))
        {
            return $"the step of '{part}' must be a positive whole number";
        }

        if (slash[0] is "*" or "?")
        {
            return null;
        }

        var bounds = slash[0].Split('-');
        if (bounds.Length > 2 || Value(bounds[0]) is not { } low || Value(bounds[^1]) is not { } high)
        {
            return $"'{part}' is not a value{NamesHint()} or a range of them";
        }

        if (low < min || high > max)
        {
            return $"'{part}' is outside {min}-{max}";
        }

        return low > high ? $"the range '{slash[0]}' ends before it starts" : null;
    }

    private int? Value(string text)
    {
        if (text.Length > 0 && text.All(char.IsAsciiDigit))
        {
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : int.MaxValue;
        }

        var index = names is null ? -1 : Array.FindIndex(names, candidate => candidate.Equals(text, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? null : index + min;
    }

    private string NamesHint() => names is null ? "" : $" (or a name such as {names[0]})";
}
