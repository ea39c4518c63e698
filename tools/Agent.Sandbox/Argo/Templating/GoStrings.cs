using System.Globalization;
using System.Text;

namespace Agent.Sandbox.Argo.Templating;

/// <summary>
/// Go's string formatting where Argo and Kubernetes put it into messages and substituted JSON:
/// <c>strconv.Quote</c> (also what <c>%q</c> prints) and <c>%s</c> of a <c>[]string</c>.
/// </summary>
internal static class GoStrings
{
    /// <summary>
    /// <c>strconv.Quote</c>: Go escapes for <c>\a \b \f \n \r \t \v</c>, <c>\xNN</c> for other ASCII controls, and
    /// <c>\uNNNN</c>/<c>\UNNNNNNNN</c> for non-printable runes. <c>\a</c>, <c>\v</c> and <c>\x</c> are not JSON, so a value
    /// holding them breaks the JSON Argo substitutes it into, exactly as it does upstream.
    /// </summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var rune in value.EnumerateRunes())
        {
            AppendEscaped(builder, rune);
        }

        return builder.Append('"').ToString();
    }

    /// <summary><see cref="Quote"/> without the surrounding quotes: how Argo escapes a value it writes into JSON.</summary>
    public static string QuoteInner(string value)
    {
        var quoted = Quote(value);
        return quoted[1..^1];
    }

    /// <summary><c>fmt.Sprintf("%s", []string{…})</c>: <c>[a b c]</c>.</summary>
    public static string Slice(IEnumerable<string> items) => "[" + string.Join(' ', items) + "]";

    private static void AppendEscaped(StringBuilder builder, Rune rune)
    {
        switch (rune.Value)
        {
            case '"': builder.Append("\\\""); return;
            case '\\': builder.Append("\\\\"); return;
            case '\a': builder.Append("\\a"); return;
            case '\b': builder.Append("\\b"); return;
            case '\f': builder.Append("\\f"); return;
            case '\n': builder.Append("\\n"); return;
            case '\r': builder.Append("\\r"); return;
            case '\t': builder.Append("\\t"); return;
            case '\v': builder.Append("\\v"); return;
        }

        if (rune.Value < ' ' || rune.Value == 0x7F)
        {
            builder.Append(CultureInfo.InvariantCulture, $"\\x{rune.Value:x2}");
        }
        else if (IsPrint(rune))
        {
            builder.Append(rune.ToString());
        }
        else if (rune.Value < 0x10000)
        {
            builder.Append(CultureInfo.InvariantCulture, $"\\u{rune.Value:x4}");
        }
        else
        {
            builder.Append(CultureInfo.InvariantCulture, $"\\U{rune.Value:x8}");
        }
    }

    // Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space only.
    private static bool IsPrint(Rune rune) => rune.Value == ' ' || Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
            or UnicodeCategory.OtherNotAssigned or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator => false,
        _ => true,
    };
}
