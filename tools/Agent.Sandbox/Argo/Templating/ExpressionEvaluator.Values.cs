using System.Globalization;

namespace Agent.Sandbox.Argo.Templating;

internal sealed partial class ExpressionEvaluator
{
    /// <summary>
    /// A dotted name that is a prefix of other variables (<c>workflow</c> for <c>workflow.name</c>): Argo expands the
    /// flat variable map into nested maps (<c>util/expand</c>), so such a name is a map, and a map beats a flat key.
    /// </summary>
    internal sealed record VariableMap(string Path);

    private object? Resolve(string path)
    {
        var childPrefix = path + ".";
        if (_variables.Keys.Any(key => key.StartsWith(childPrefix, StringComparison.Ordinal)))
        {
            return new VariableMap(path);
        }

        if (_variables.TryGetValue(path, out var value))
        {
            return value;
        }

        // A missing member of a known map is nil in expr; an unknown root name does not compile.
        var root = path.Split('.')[0];
        return _variables.Keys.Any(key => key.StartsWith(root + ".", StringComparison.Ordinal))
            ? null
            : throw new ExpressionFailure($"unknown name {root}");
    }

    private static object? Call(string function, List<object?> arguments)
    {
        if (arguments.Count != 1)
        {
            throw new ExpressionFailure($"{function}: expected one argument");
        }

        var argument = arguments[0];
        return function switch
        {
            "upper" or "sprig.upper" => AsString(argument).ToUpperInvariant(),
            "lower" or "sprig.lower" => AsString(argument).ToLowerInvariant(),
            "trim" or "sprig.trim" => AsString(argument).Trim(),
            "string" => argument switch
            {
                double number => Format(number),
                bool flag => flag ? "true" : "false",
                _ => AsString(argument),
            },
            "asInt" => argument is double number
                ? Math.Truncate(number)
                : long.TryParse(AsString(argument), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)
                    ? whole
                    : throw new ExpressionFailure("asInt: not an integer"),
            "asFloat" => argument is double real
                ? real
                : double.TryParse(AsString(argument), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
                    ? parsed
                    : throw new ExpressionFailure("asFloat: not a number"),
            _ => throw new ExpressionFailure($"unknown function {function}"),
        };
    }

    private static bool Compare(string op, object? left, object? right)
    {
        if (op is "==" or "!=")
        {
            var equal = Equals(left, right);
            return op == "==" ? equal : !equal;
        }

        var order = (left, right) switch
        {
            (double a, double b) => a.CompareTo(b),
            (string a, string b) => string.CompareOrdinal(a, b),
            _ => throw new ExpressionFailure($"invalid operation: {op}"),
        };
        return op switch
        {
            "<" => order < 0,
            ">" => order > 0,
            "<=" => order <= 0,
            _ => order >= 0,
        };
    }

    private static bool AsBool(object? value) =>
        value is bool flag ? flag : throw new ExpressionFailure("expected a bool");

    private static double AsNumber(object? value) =>
        value is double number ? number : throw new ExpressionFailure("expected a number");

    private static string AsString(object? value) =>
        value as string ?? throw new ExpressionFailure("expected a string");
}
