using System.Globalization;

namespace Agent.Sandbox.Argo.Templating;

/// <summary>
/// A small, documented subset of expr-lang (the language of Argo's <c>{{=…}}</c>, <c>util/template/expression_template.go</c>):
/// string, number, <c>true</c>/<c>false</c>/<c>nil</c> literals; dotted variable names (<c>workflow.status</c>); parentheses;
/// <c>+ - * / %</c>; <c>== != &lt; &gt; &lt;= &gt;=</c>; <c>&amp;&amp; || !</c> (and <c>and or not</c>); <c>a ? b : c</c>; <c>??</c>;
/// and the functions <c>upper lower trim string asInt asFloat</c> plus <c>sprig.upper sprig.lower sprig.trim</c>.
/// Anything else, an unknown name or a type mismatch is an <see cref="ExpressionFailure"/>: Argo leaves such a tag
/// verbatim, so an expression outside the subset behaves like one real Argo failed to evaluate.
/// </summary>
internal sealed partial class ExpressionEvaluator
{
    private readonly List<ExpressionToken> _tokens;
    private readonly IReadOnlyDictionary<string, string> _variables;
    private int _position;

    private ExpressionEvaluator(string expression, IReadOnlyDictionary<string, string> variables)
    {
        _tokens = ExpressionLexer.Tokenize(expression);
        _variables = variables;
    }

    /// <summary>A string, double, bool, null or <see cref="VariableMap"/>; throws <see cref="ExpressionFailure"/>.</summary>
    public static object? Evaluate(string expression, IReadOnlyDictionary<string, string> variables)
    {
        var evaluator = new ExpressionEvaluator(expression, variables);
        var result = evaluator.Ternary();
        return evaluator.Peek.Kind == ExpressionTokenKind.End
            ? result
            : throw new ExpressionFailure($"unexpected token {evaluator.Peek.Text}");
    }

    private ExpressionToken Peek => _tokens[_position];

    private object? Ternary()
    {
        var condition = Coalesce();
        if (!Accept("?"))
        {
            return condition;
        }

        var whenTrue = Ternary();
        Expect(":");
        var whenFalse = Ternary();
        return AsBool(condition) ? whenTrue : whenFalse;
    }

    private object? Coalesce()
    {
        var left = Or();
        while (Accept("??"))
        {
            var right = Or();
            left ??= right;
        }

        return left;
    }

    private object? Or()
    {
        var left = And();
        while (Accept("||") || Accept("or"))
        {
            var right = And();
            left = AsBool(left) || AsBool(right);
        }

        return left;
    }

    private object? And()
    {
        var left = Comparison();
        while (Accept("&&") || Accept("and"))
        {
            var right = Comparison();
            left = AsBool(left) && AsBool(right);
        }

        return left;
    }

    private object? Comparison()
    {
        var left = Additive();
        while (Peek.Kind == ExpressionTokenKind.Operator && Peek.Text is "==" or "!=" or "<" or ">" or "<=" or ">=")
        {
            var op = Next().Text;
            left = Compare(op, left, Additive());
        }

        return left;
    }

    private object? Additive()
    {
        var left = Multiplicative();
        while (Peek.Kind == ExpressionTokenKind.Operator && Peek.Text is "+" or "-")
        {
            var op = Next().Text;
            var right = Multiplicative();
            left = (op, left, right) switch
            {
                ("+", string a, string b) => a + b,
                ("+", double a, double b) => a + b,
                ("-", double a, double b) => a - b,
                _ => throw new ExpressionFailure($"invalid operation: {op}"),
            };
        }

        return left;
    }

    private object? Multiplicative()
    {
        var left = Unary();
        while (Peek.Kind == ExpressionTokenKind.Operator && Peek.Text is "*" or "/" or "%")
        {
            var op = Next().Text;
            var (a, b) = (AsNumber(left), AsNumber(Unary()));
            left = op switch
            {
                "*" => a * b,
                "/" => a / b,
                _ => b == 0 ? throw new ExpressionFailure("integer divide by zero") : Math.Truncate(a) % Math.Truncate(b),
            };
        }

        return left;
    }

    private object? Unary()
    {
        if (Accept("!") || Accept("not"))
        {
            return !AsBool(Unary());
        }

        return Accept("-") ? -AsNumber(Unary()) : Primary();
    }

    private object? Primary()
    {
        var token = Next();
        switch (token.Kind)
        {
            case ExpressionTokenKind.Number:
            case ExpressionTokenKind.String:
                return token.Value;
            case ExpressionTokenKind.Operator when token.Text == "(":
                var inner = Ternary();
                Expect(")");
                return inner;
            case ExpressionTokenKind.Name:
                return NameOrCall(token.Text);
            default:
                throw new ExpressionFailure($"unexpected token {token.Text}");
        }
    }

    private object? NameOrCall(string first)
    {
        switch (first)
        {
            case "true": return true;
            case "false": return false;
            case "nil": return null;
        }

        var path = first;
        while (Accept("."))
        {
            var member = Next();
            path += "." + (member.Kind == ExpressionTokenKind.Name ? member.Text : throw new ExpressionFailure("expected a member name"));
        }

        return Accept("(") ? Call(path, Arguments()) : Resolve(path);
    }

    private List<object?> Arguments()
    {
        var arguments = new List<object?>();
        if (Accept(")"))
        {
            return arguments;
        }

        do
        {
            arguments.Add(Ternary());
        }
        while (Accept(","));
        Expect(")");
        return arguments;
    }

    private ExpressionToken Next() => _tokens[Math.Min(_position++, _tokens.Count - 1)];

    private bool Accept(string text)
    {
        if (Peek.Kind is ExpressionTokenKind.Operator or ExpressionTokenKind.Name && Peek.Text == text)
        {
            _position++;
            return true;
        }

        return false;
    }

    private void Expect(string text)
    {
        if (!Accept(text))
        {
            throw new ExpressionFailure($"expected {text}");
        }
    }

    private static string Format(double number) => number.ToString("R", CultureInfo.InvariantCulture);
}
