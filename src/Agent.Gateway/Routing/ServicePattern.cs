namespace Agent.Gateway.Routing;

/// <summary>
/// A service FQN pattern: exact text, or a glob where <c>*</c> matches any run of characters (dots included, so
/// <c>snowflake_*</c> matches <c>snowflake_eu</c> and a quoted <c>"snowflake_a.b"</c> is not special) and <c>?</c>
/// exactly one. Case-sensitive, as OpenMetadata's FQNs are. Matching is a linear two-pointer walk with backtracking to
/// the last star, so no pattern can make it slow the way a regex with nested quantifiers can.
/// </summary>
internal sealed class ServicePattern(string text)
{
    public string Text { get; } = text;

    public bool Matches(string serviceFqn)
    {
        int p = 0, s = 0, star = -1, afterStar = 0;
        while (s < serviceFqn.Length)
        {
            if (p < Text.Length && (Text[p] == '?' || Text[p] == serviceFqn[s]) && Text[p] != '*')
            {
                p++;
                s++;
            }
            else if (p < Text.Length && Text[p] == '*')
            {
                star = p++;
                afterStar = s;
            }
            else if (star >= 0)
            {
                p = star + 1;
                s = ++afterStar;
            }
            else
            {
                return false;
            }
        }

        while (p < Text.Length && Text[p] == '*')
        {
            p++;
        }

        return p == Text.Length;
    }
}
