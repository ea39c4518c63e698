using System.Globalization;
using Agent.Sandbox.Argo.Errors;
using Agent.Sandbox.Argo.Validation;

namespace Agent.Sandbox.Argo.Query;

/// <summary>
/// Recursive-descent parser for the k8s label selector grammar: <c>a=b</c>, <c>a==b</c>, <c>a!=b</c>,
/// <c>a in (x,y)</c>, <c>a notin (x,y)</c>, <c>a</c>, <c>!a</c>, <c>a&gt;1</c>, <c>a&lt;1</c>, joined by commas.
/// </summary>
internal sealed class LabelSelectorParser(string selector)
{
    private readonly List<string> _tokens = LabelSelectorLexer.Tokenize(selector);
    private int _position;

    private string? Current => _position < _tokens.Count ? _tokens[_position] : null;

    public List<LabelRequirement> Parse()
    {
        var requirements = new List<LabelRequirement> { ParseRequirement() };
        while (Current is not null)
        {
            Expect(",");
            requirements.Add(ParseRequirement());
        }

        return requirements;
    }

    private LabelRequirement ParseRequirement()
    {
        if (Current == "!")
        {
            _position++;
            return new LabelRequirement(ParseKey(), LabelOperator.DoesNotExist, []);
        }

        var key = ParseKey();
        if (Current is null or ",")
        {
            return new LabelRequirement(key, LabelOperator.Exists, []);
        }

        var token = Next();
        return token switch
        {
            "=" or "==" => new LabelRequirement(key, LabelOperator.Equals, [ParseSingleValue()]),
            "!=" => new LabelRequirement(key, LabelOperator.NotEquals, [ParseSingleValue()]),
            ">" => new LabelRequirement(key, LabelOperator.GreaterThan, [ParseInteger()]),
            "<" => new LabelRequirement(key, LabelOperator.LessThan, [ParseInteger()]),
            "in" => new LabelRequirement(key, LabelOperator.In, ParseValueSet()),
            "notin" => new LabelRequirement(key, LabelOperator.NotIn, ParseValueSet()),
            _ => throw Error($"found '{token}', expected: in, notin, =, ==, !=, gt, lt"),
        };
    }

    private string ParseKey()
    {
        var key = Next();
        if (!LabelSelectorLexer.IsIdentifier(key))
        {
            throw Error($"found '{key ?? "EOS"}', expected: identifier");
        }

        return KubernetesNames.IsQualifiedName(key!) ? key! : throw Error($"invalid label key \"{key}\"");
    }

    private string ParseSingleValue()
    {
        // "a=" is valid: it selects objects whose label a is the empty string.
        if (Current is null or ",")
        {
            return "";
        }

        return ValidValue(Next());
    }

    private string ParseInteger()
    {
        var value = Next();
        return long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
            ? value!
            : throw Error($"for 'Gt', 'Lt' operators, the value must be an integer, found '{value ?? "EOS"}'");
    }

    private List<string> ParseValueSet()
    {
        Expect("(");
        var values = new List<string>();
        while (Current != ")")
        {
            if (values.Count > 0)
            {
                Expect(",");
            }

            values.Add(Current is "," or ")" ? "" : ValidValue(Next()));
        }

        Expect(")");
        return values.Count == 0 ? [""] : values;
    }

    private string ValidValue(string? value)
    {
        if (!LabelSelectorLexer.IsIdentifier(value))
        {
            throw Error($"found '{value ?? "EOS"}', expected: identifier");
        }

        return KubernetesNames.IsLabelValue(value!) ? value! : throw Error($"invalid label value: \"{value}\"");
    }

    private void Expect(string token)
    {
        var actual = Next();
        if (actual != token)
        {
            throw Error($"found '{actual ?? "EOS"}', expected: '{token}'");
        }
    }

    private string? Next() => _position < _tokens.Count ? _tokens[_position++] : null;

    private ArgoApiException Error(string detail) =>
        ArgoApiException.InvalidArgument($"unable to parse requirement: {detail} (selector \"{selector}\")");
}
