namespace Agent.Core.Operations.Handlers;

/// <summary>
/// Finds the <c>{{…}}</c> tags in user text that Argo Workflows would act on when the text sits in a container's env
/// value. Argo (v4.1.2) scans every leaf template's JSON with fasttemplate: a tag is the text from <c>{{</c> to the next
/// <c>}}</c> (<c>util/template/template.go</c>).
/// <list type="bullet">
/// <item><c>{{=…}}</c> is an expression and is evaluated (<c>util/template/expression_template.go</c>, kind.go).</item>
/// <item>A simple tag whose trimmed name starts with a strict prefix (<c>workflow/common/common.go</c>
/// GlobalVarValidWorkflowVariablePrefix) must resolve at submit, else 400 (<c>workflow/validate/validate.go</c>
/// resolveAllVariables); one that resolves, or any other name in the pod's replace map (<c>retries</c>,
/// <c>lastRetry.*</c>, <c>node.name</c>, <c>item</c>; operator.go, workflowpod.go substitutePodParams) is replaced.</item>
/// <item>A tag not in the map is tried again with the text after its last inner <c>{{</c> (simple_template.go), so
/// <c>{{ a {{workflow.name}}</c> is replaced too.</item>
/// <item>Any other tag is written back verbatim (FIDELITY §3.4): Jinja (<c>{{ ref('x') }}</c>) and regex repetition
/// (<c>\d{{2}}</c>) reach the pipeline unchanged.</item>
/// </list>
/// A <c>{{</c> with no <c>}}</c> after it in the same value would be paired by Argo with a <c>}}</c> further on in the
/// template JSON, in another field or the agent's own <c>{{workflow.status}}</c>, so what it does depends on text the
/// user does not control; it is refused too. <c>cronworkflow.*</c> is not listed: the cron controller substitutes it
/// only in its <c>when</c> expression, never in templates (<c>workflow/cron/operator.go</c>).
/// </summary>
internal static class ArgoTemplateTags
{
    /// <summary>GlobalVarValidWorkflowVariablePrefix, plus the pod-scope variables that have no such prefix.</summary>
    private static readonly string[] Prefixes = ["item.", "steps.", "inputs.", "outputs.", "pod.", "workflow.", "tasks.", "lastRetry."];

    private static readonly string[] Names = ["item", "retries", "node.name"];

    /// <summary>The first tag in <paramref name="text"/> that Argo would substitute, evaluate or reject, or null.</summary>
    public static string? FirstActedOn(string text)
    {
        var position = 0;
        while ((position = text.IndexOf("{{", position, StringComparison.Ordinal)) >= 0)
        {
            var end = text.IndexOf("}}", position + 2, StringComparison.Ordinal);
            if (end < 0)
            {
                return text[position..];
            }

            var tag = text[(position + 2)..end];
            if (IsActedOn(tag))
            {
                return text[position..(end + 2)];
            }

            position = end + 2;
        }

        return null;
    }

    private static bool IsActedOn(string tag)
    {
        if (tag.StartsWith('='))
        {
            return true;
        }

        var nested = tag.LastIndexOf("{{", StringComparison.Ordinal);
        return IsArgoVariable(tag) || (nested > 0 && IsArgoVariable(tag[(nested + 2)..]));
    }

    /// <summary>
    /// Argo trims with Go's unicode.IsSpace on the JSON-escaped text, where a newline is the two characters <c>\n</c>
    /// and so is not trimmed; trimming every white space here refuses a little more than Argo acts on, never less.
    /// </summary>
    private static bool IsArgoVariable(string tag)
    {
        var name = tag.Trim();
        return Array.Exists(Names, known => name == known) || Array.Exists(Prefixes, prefix => name.StartsWith(prefix, StringComparison.Ordinal));
    }
}
