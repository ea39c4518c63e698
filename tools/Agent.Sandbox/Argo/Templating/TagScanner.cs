using System.Text;

namespace Agent.Sandbox.Argo.Templating;

/// <summary>
/// valyala/fasttemplate as Argo configures it (<c>util/template/template.go</c>: start <c>{{</c>, end <c>}}</c>): a tag
/// runs from a <c>{{</c> to the NEXT <c>}}</c>, with no nesting and no escape. A <c>{{</c> without a closing <c>}}</c>
/// fails the whole template, with fasttemplate's message.
/// </summary>
internal static class TagScanner
{
    private const string Start = "{{";
    private const string End = "}}";

    /// <summary>Copies <paramref name="text"/>, writing <paramref name="replace"/>(tag) in place of each <c>{{tag}}</c>.</summary>
    public static string Replace(string text, Func<string, string> replace)
    {
        var output = new StringBuilder(text.Length);
        var position = 0;
        while (true)
        {
            var open = text.IndexOf(Start, position, StringComparison.Ordinal);
            if (open < 0)
            {
                return output.Append(text, position, text.Length - position).ToString();
            }

            output.Append(text, position, open - position);
            var tagStart = open + Start.Length;
            var close = text.IndexOf(End, tagStart, StringComparison.Ordinal);
            if (close < 0)
            {
                throw new ArgoTemplateException(
                    $"Cannot find end tag={GoStrings.Quote(End)} in the template={GoStrings.Quote(text)} starting from {GoStrings.Quote(text[tagStart..])}");
            }

            output.Append(replace(text[tagStart..close]));
            position = close + End.Length;
        }
    }

    /// <summary>Calls <paramref name="visit"/> for every tag, in order (<c>util/template/validate.go</c>).</summary>
    public static void Visit(string text, Action<string> visit) =>
        Replace(text, tag =>
        {
            visit(tag);
            return "";
        });
}
