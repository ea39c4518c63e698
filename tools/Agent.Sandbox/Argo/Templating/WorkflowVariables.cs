namespace Agent.Sandbox.Argo.Templating;

/// <summary>Which <c>{{…}}</c> tags Argo treats as its own variables, and which as expressions.</summary>
internal static class WorkflowVariables
{
    /// <summary>
    /// Argo v4.1.2 <c>workflow/common/common.go</c> <c>GlobalVarValidWorkflowVariablePrefix</c>: a tag whose trimmed
    /// name starts with one of these must resolve at submission (FIDELITY §3.4); any other tag (a Jinja
    /// <c>{{ ref('x') }}</c>, say) is not Argo's business and is left alone.
    /// </summary>
    public static readonly string[] ValidPrefixes = ["item.", "steps.", "inputs.", "outputs.", "pod.", "workflow.", "tasks."];

    public static bool HasValidPrefix(string trimmedTag) =>
        ValidPrefixes.Any(prefix => trimmedTag.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>
    /// <c>util/template/kind.go</c> parseTag: the RAW tag (not trimmed) starting with <c>=</c> is an expression
    /// (<c>{{=expr}}</c>); <c>{{ =expr}}</c> is a simple tag named "=expr".
    /// </summary>
    public static bool IsExpression(string tag, out string expression)
    {
        if (tag.StartsWith('='))
        {
            // jsonutil.Fix: undo encoding/json's HTML escaping before the expression is parsed.
            expression = tag[1..].Replace("\\u003c", "<", StringComparison.Ordinal)
                .Replace("\\u003e", ">", StringComparison.Ordinal)
                .Replace("\\u0026", "&", StringComparison.Ordinal);
            return true;
        }

        expression = "";
        return false;
    }
}
