namespace Agent.Sandbox.Argo.Query;

/// <summary>Splits a label selector into tokens the way apimachinery's lexer does (<c>labels/selector.go</c>).</summary>
internal static class LabelSelectorLexer
{
    private const string SpecialCharacters = "!=(),<>";

    public static List<string> Tokenize(string selector)
    {
        var tokens = new List<string>();
        var position = 0;
        while (position < selector.Length)
        {
            var current = selector[position];
            if (char.IsWhiteSpace(current))
            {
                position++;
            }
            else if (SpecialCharacters.Contains(current, StringComparison.Ordinal))
            {
                var twoCharacter = position + 1 < selector.Length && selector[position + 1] == '=' && current is '!' or '=';
                tokens.Add(selector.Substring(position, twoCharacter ? 2 : 1));
                position += twoCharacter ? 2 : 1;
            }
            else
            {
                var start = position;
                while (position < selector.Length && !char.IsWhiteSpace(selector[position])
                    && !SpecialCharacters.Contains(selector[position], StringComparison.Ordinal))
                {
                    position++;
                }

                tokens.Add(selector[start..position]);
            }
        }

        return tokens;
    }

    public static bool IsIdentifier(string? token) =>
        !string.IsNullOrEmpty(token) && !SpecialCharacters.Contains(token[0], StringComparison.Ordinal);
}
