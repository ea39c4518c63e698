using System.Text.Json;
using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Json;

namespace Agent.Sandbox.Argo.Templating;

/// <summary>
/// Argo's <c>{{…}}</c> substitution as the controller runs it while building a pod: <c>workflow/common/util.go</c>
/// SubstituteParams → <c>util/template/replace.go</c> Replace with allowUnresolved, on the template's serialized JSON
/// (FIDELITY §3.4, §5).
/// </summary>
internal static class ArgoTemplate
{
    /// <summary>
    /// Replaces {{tag}} (name trimmed) found in variables, leaves unknown tags verbatim, evaluates {{=expr}}
    /// (left verbatim when it fails, see <see cref="ExpressionEvaluator"/> for the subset), working on the template's
    /// serialized JSON as Argo does (replacement JSON-escaped, strconv.Quote-like), and returns the parsed result.
    /// Throws <see cref="ArgoTemplateException"/> when Argo's substitution itself fails: an unterminated <c>{{</c>,
    /// or a value whose Go escaping is not JSON (a control character such as <c>\a</c>).
    /// </summary>
    /// <remarks>
    /// An unresolved tag with a strict prefix (<see cref="WorkflowVariables.ValidPrefixes"/>) is also left verbatim:
    /// at runtime Argo replaces with allowUnresolved=true; only submission (<c>workflow/validate</c>) rejects such tags.
    /// </remarks>
    public static JsonObject Substitute(JsonObject template, IReadOnlyDictionary<string, string> variables)
    {
        var replaced = TagScanner.Replace(ToJson(template), tag => ReplaceTag(tag, variables));
        try
        {
            return JsonNode.Parse(replaced) as JsonObject ?? throw new JsonException();
        }
        catch (JsonException)
        {
            throw new ArgoTemplateException("cannot finish template replacement because the result was invalid JSON");
        }
    }

    /// <summary>The JSON text Argo scans for tags, escaped like Go's encoding/json so tag text reads as Argo sees it.</summary>
    public static string ToJson(JsonNode node) => ArgoJson.Serialize(node);

    private static string ReplaceTag(string tag, IReadOnlyDictionary<string, string> variables)
    {
        if (WorkflowVariables.IsExpression(tag, out var expression))
        {
            return ExpressionTag.Evaluate(expression, variables) ?? "{{" + tag + "}}";
        }

        if (variables.TryGetValue(tag.Trim(), out var value))
        {
            return GoStrings.QuoteInner(value);
        }

        // simple_template.go: "{{a.{{b}}}}" scans as tag "a.{{b"; b's value is written back behind "{{a." so the
        // outer tag can resolve on a later pass.
        var nested = tag.LastIndexOf("{{", StringComparison.Ordinal);
        if (nested > 0 && variables.TryGetValue(tag[(nested + 2)..], out var inner))
        {
            return "{{" + tag[..nested] + GoStrings.QuoteInner(inner);
        }

        return "{{" + tag + "}}";
    }
}
