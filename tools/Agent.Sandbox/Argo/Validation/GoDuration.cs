using System.Globalization;
using System.Text;

namespace Agent.Sandbox.Argo.Validation;

/// <summary>
/// Go's <c>time.ParseDuration</c> as a validator (robfig/cron v3 reads <c>@every &lt;duration&gt;</c> with it):
/// <c>[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+</c> with the units ns, us, µs, μs, ms, s, m, h, and Go's error texts.
/// </summary>
internal static class GoDuration
{
    private static readonly Dictionary<string, decimal> UnitNanoseconds = new(StringComparer.Ordinal)
    {
        ["ns"] = 1m, ["us"] = 1e3m, ["\u00b5s"] = 1e3m, ["\u03bcs"] = 1e3m, ["ms"] = 1e6m, ["s"] = 1e9m, ["m"] = 60e9m, ["h"] = 3600e9m,
    };

    /// <summary>Null when Go accepts <paramref name="text"/>, else Go's error message.</summary>
    public static string? Check(string text)
    {
        var invalid = "time: invalid duration " + Quote(text);
        var rest = text.Length > 0 && text[0] is '-' or '+' ? text[1..] : text;
        if (rest == "0")
        {
            return null;
        }

        if (rest.Length == 0)
        {
            return invalid;
        }

        var total = 0m;
        while (rest.Length > 0)
        {
            if (!(rest[0] == '.' || char.IsAsciiDigit(rest[0])))
            {
                return invalid;
            }

            var whole = LeadingDigits(rest);
            rest = rest[whole.Length..];
            var fraction = "";
            if (rest.StartsWith('.'))
            {
                fraction = LeadingDigits(rest[1..]);
                rest = rest[(1 + fraction.Length)..];
            }

            if (whole.Length == 0 && fraction.Length == 0)
            {
                return invalid;
            }

            var unitLength = rest.TakeWhile(c => !(c == '.' || char.IsAsciiDigit(c))).Count();
            if (unitLength == 0)
            {
                return "time: missing unit in duration " + Quote(text);
            }

            var unit = rest[..unitLength];
            rest = rest[unitLength..];
            if (!UnitNanoseconds.TryGetValue(unit, out var scale))
            {
                return "time: unknown unit " + Quote(unit) + " in duration " + Quote(text);
            }

            // Go keeps nanoseconds in an int64: any component or sum beyond it is "invalid duration".
            if (whole.Length > 20 || (total += decimal.Parse("0" + whole, CultureInfo.InvariantCulture) * scale) > long.MaxValue)
            {
                return invalid;
            }
        }

        return null;
    }

    private static string LeadingDigits(string text) => new(text.TakeWhile(char.IsAsciiDigit).ToArray());

    // The time package's own quote(): like strconv.Quote for ASCII, \xNN for every byte of anything else.
    private static string Quote(string text)
    {
        var builder = new StringBuilder("\"");
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value >= 0x80 || rune.Value < ' ')
            {
                var count = rune.EncodeToUtf8(bytes);
                foreach (var b in bytes[..count])
                {
                    builder.Append("\\x").Append(b.ToString("x2", CultureInfo.InvariantCulture));
                }
            }
            else
            {
                builder.Append(rune.Value is '"' or '\\' ? "\\" : "").Append(rune.ToString());
            }
        }

        return builder.Append('"').ToString();
    }
}
