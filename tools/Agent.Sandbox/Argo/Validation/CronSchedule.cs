namespace Agent.Sandbox.Argo.Validation;

/// <summary>
/// robfig/cron v3.0.1 <c>ParseStandard</c> (<c>parser.go</c>; the version Argo v4.1.2 pins) as a validator: an optional
/// <c>TZ=</c>/<c>CRON_TZ=</c> prefix, then a descriptor (<c>@yearly</c> … <c>@hourly</c>, <c>@every &lt;Go duration&gt;</c>)
/// or exactly five fields (minute, hour, day of month, month, day of week), each a comma list of <c>*</c>, <c>?</c>,
/// numbers or names, ranges <c>a-b</c> and steps <c>/n</c>. Messages are robfig's (FIDELITY §3.5).
/// </summary>
internal static class CronSchedule
{
    private static readonly string[] Descriptors = ["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"];

    private static readonly CronFieldBounds[] Fields =
    [
        new(0, 59, null),
        new(0, 23, null),
        new(1, 31, null),
        new(1, 12, ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]),
        new(0, 6, ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]),
    ];

    /// <summary>Null when robfig accepts <paramref name="spec"/>, else its error text.</summary>
    public static string? Check(string spec)
    {
        if (spec.Length == 0)
        {
            return "empty spec string";
        }

        if (spec.StartsWith("TZ=", StringComparison.Ordinal) || spec.StartsWith("CRON_TZ=", StringComparison.Ordinal))
        {
            // robfig slices up to the first space; without one real Argo panics on a slice bound. Treating the whole
            // rest as the zone name is the closest answer a server that stays up can give.
            var space = spec.IndexOf(' ', StringComparison.Ordinal);
            var equals = spec.IndexOf('=', StringComparison.Ordinal);
            var zone = space < 0 ? spec[(equals + 1)..] : spec[(equals + 1)..space];
            if (GoTimeZone.Check(zone) is { } zoneError)
            {
                return $"provided bad location {zone}: {zoneError}";
            }

            spec = space < 0 ? "" : spec[space..].Trim();
        }

        return spec.StartsWith('@') ? CheckDescriptor(spec) : CheckFields(spec);
    }

    private static string? CheckDescriptor(string descriptor)
    {
        if (Descriptors.Contains(descriptor))
        {
            return null;
        }

        const string Every = "@every ";
        if (descriptor.StartsWith(Every, StringComparison.Ordinal))
        {
            return GoDuration.Check(descriptor[Every.Length..]) is { } durationError
                ? $"failed to parse duration {descriptor}: {durationError}"
                : null;
        }

        return $"unrecognized descriptor: {descriptor}";
    }

    private static string? CheckFields(string spec)
    {
        // Go's strings.Fields: split on any Unicode white space.
        var fields = spec.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != Fields.Length)
        {
            return $"expected exactly {Fields.Length} fields, found {fields.Length}: {Templating.GoStrings.Slice(fields)}";
        }

        for (var i = 0; i < fields.Length; i++)
        {
            // strings.FieldsFunc on ',': empty list items are skipped, so "1,,2" (or even ",") passes.
            foreach (var range in fields[i].Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                if (Fields[i].CheckRange(range) is { } error)
                {
                    return error;
                }
            }
        }

        return null;
    }
}
