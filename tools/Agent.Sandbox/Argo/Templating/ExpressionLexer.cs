using System.Globalization;
using System.Text;

namespace Agent.Sandbox.Argo.Templating;

/// <summary>
/// Splits the subset of expr-lang (github.com/expr-lang/expr, the language of Argo's <c>{{=…}}</c>) that
/// <see cref="ExpressionEvaluator"/> understands. Anything it cannot read is an <see cref="ExpressionFailure"/>.
/// </summary>
internal static class ExpressionLexer
{
    private static readonly string[] Operators =
        ["==", "!=", "<=", ">=", "&&", "||", "??", "+", "-", "*", "/", "%", "<", ">", "!", "?", ":", "(", ")", ",", "."];

    public static List<ExpressionToken> Tokenize(string source)
    {
        var tokens = new List<ExpressionToken>();
        var position = 0;
        while (position < source.Length)
        {
            var current = source[position];
            if (char.IsWhiteSpace(current))
            {
                position++;
            }
            else if (char.IsAsciiDigit(current))
            {
                tokens.Add(ReadNumber(source, ref position));
            }
            else if (current is '\'' or '"')
            {
                tokens.Add(ReadString(source, ref position));
            }
            else if (char.IsAsciiLetter(current) || current is '_' or '$')
            {
                var start = position;
                while (position < source.Length && (char.IsAsciiLetterOrDigit(source[position]) || source[position] is '_' or '$'))
                {
                    position++;
                }

                tokens.Add(new ExpressionToken(ExpressionTokenKind.Name, source[start..position]));
            }
            else
            {
                var op = Operators.FirstOrDefault(candidate => string.CompareOrdinal(source, position, candidate, 0, candidate.Length) == 0)
                    ?? throw new ExpressionFailure($"unexpected character '{current}'");
                tokens.Add(new ExpressionToken(ExpressionTokenKind.Operator, op));
                position += op.Length;
            }
        }

        tokens.Add(new ExpressionToken(ExpressionTokenKind.End, ""));
        return tokens;
    }

    private static ExpressionToken ReadNumber(string source, ref int position)
    {
        var start = position;
        while (position < source.Length && (char.IsAsciiDigit(source[position]) || source[position] == '.'))
        {
            position++;
        }

        var text = source[start..position];
        return double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            ? new ExpressionToken(ExpressionTokenKind.Number, text, number)
            : throw new ExpressionFailure($"invalid number {text}");
    }

    private static ExpressionToken ReadString(string source, ref int position)
    {
        var quote = source[position++];
        var text = new StringBuilder();
        while (position < source.Length && source[position] != quote)
        {
            var current = source[position++];
            if (current != '\\')
            {
                text.Append(current);
                continue;
            }

            if (position >= source.Length)
            {
                break;
            }

            var escaped = source[position++];
            text.Append(escaped switch
            {
                'n' => '\n',
                't' => '\t',
                'r' => '\r',
                '\\' or '\'' or '"' => escaped,
                _ => throw new ExpressionFailure($"unsupported escape \\{escaped}"),
            });
        }

        if (position >= source.Length)
        {
            throw new ExpressionFailure("literal not terminated");
        }

        position++;
        return new ExpressionToken(ExpressionTokenKind.String, text.ToString(), text.ToString());
    }
}
