using System.Globalization;
using System.Text.Json;

namespace Agent.Sandbox.Argo.Templating;

/// <summary><c>util/template/expression_template.go</c> expressionReplaceCore for one <c>{{=expr}}</c>, unresolved allowed.</summary>
internal static class ExpressionTag
{
    /// <summary>The text to write in place of the tag, or null when Argo would leave the tag as it was.</summary>
    public static string? Evaluate(string expression, IReadOnlyDictionary<string, string> variables)
    {
        // The tag comes from JSON text: Argo JSON-decodes the expression before parsing it.
        string source;
        try
        {
            source = JsonSerializer.Deserialize<string>("\"" + expression + "\"") ?? "";
        }
        catch (JsonException)
        {
            return null;
        }

        object? result;
        try
        {
            result = ExpressionEvaluator.Evaluate(source, variables);
        }
        catch (ExpressionFailure)
        {
            return null;
        }

        // A string is marshalled and written without its quotes; anything else is marshalled, then Go-quoted.
        return result switch
        {
            // A map result (e.g. `workflow.labels`) would be marshalled as a JSON object; outside the subset: verbatim.
            null or ExpressionEvaluator.VariableMap => null,
            string text => JsonSerializer.Serialize(text)[1..^1],
            bool flag => flag ? "true" : "false",
            double number => GoStrings.QuoteInner(number.ToString("R", CultureInfo.InvariantCulture)),
            _ => null,
        };
    }
}
