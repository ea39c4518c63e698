using System.Globalization;

namespace Agent.Sandbox.Argo.Validation;

/// <summary>One cron field's bounds and names, and robfig/cron v3 <c>getRange</c> over one list item.</summary>
internal sealed record CronFieldBounds(int Min, int Max, string[]? Names)
{
    /// <summary>Null when <paramref name="expression"/> (<c>number | number "-" number [ "/" number ]</c>, or <c>*</c>/<c>?</c>) is valid.</summary>
    public string? CheckRange(string expression)
    {
        var rangeAndStep = expression.Split('/');
        var lowAndHigh = rangeAndStep[0].Split('-');
        long start, end;
        if (lowAndHigh[0] is "*" or "?")
        {
            (start, end) = (Min, Max);
        }
        else
        {
            if (ParseIntOrName(lowAndHigh[0], out start) is { } startError)
            {
                return startError;
            }

            switch (lowAndHigh.Length)
            {
                case 1:
                    end = start;
                    break;
                case 2:
                    if (ParseIntOrName(lowAndHigh[1], out end) is { } endError)
                    {
                        return endError;
                    }

                    break;
                default:
                    return $"too many hyphens: {expression}";
            }
        }

        long step = 1;
        switch (rangeAndStep.Length)
        {
            case 1:
                break;
            case 2:
                if (ParseInt(rangeAndStep[1], out step) is { } stepError)
                {
                    return stepError;
                }

                // "N/step" means "N-max/step".
                if (lowAndHigh.Length == 1)
                {
                    end = Max;
                }

                break;
            default:
                return $"too many slashes: {expression}";
        }

        return start < Min ? $"beginning of range ({start}) below minimum ({Min}): {expression}"
            : end > Max ? $"end of range ({end}) above maximum ({Max}): {expression}"
            : start > end ? $"beginning of range ({start}) beyond end of range ({end}): {expression}"
            : step == 0 ? $"step of range should be a positive number: {expression}"
            : null;
    }

    private string? ParseIntOrName(string text, out long value)
    {
        var index = Names is null ? -1 : Array.IndexOf(Names, text.ToLowerInvariant());
        if (index >= 0)
        {
            value = index + Min;
            return null;
        }

        return ParseInt(text, out value);
    }

    // mustParseInt: strconv.Atoi (optional sign, base 10, int64 range), then no negatives.
    private static string? ParseInt(string text, out long value)
    {
        var digits = text.Length > 0 && text[0] is '+' or '-' ? text[1..] : text;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            value = 0;
            return $"failed to parse int from {text}: strconv.Atoi: parsing {Templating.GoStrings.Quote(text)}: invalid syntax";
        }

        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return $"failed to parse int from {text}: strconv.Atoi: parsing {Templating.GoStrings.Quote(text)}: value out of range";
        }

        return value < 0 ? $"negative number ({value}) not allowed: {text}" : null;
    }
}
