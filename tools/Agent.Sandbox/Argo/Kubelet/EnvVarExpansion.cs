using System.Text;

namespace Agent.Sandbox.Argo.Kubelet;

/// <summary>
/// The kubelet's <c>$(VAR)</c> expansion of an env <c>value</c> (FIDELITY §5.1; Kubernetes
/// third_party/forked/golang/expansion/expand.go): <c>$$</c> is a literal <c>$</c>, <c>$(NAME)</c> becomes NAME's value
/// when NAME is defined and stays as written otherwise, and any other <c>$</c> (an unclosed <c>$(</c>, a trailing
/// <c>$</c>) is kept.
/// </summary>
internal static class EnvVarExpansion
{
    public static string Expand(string input, IReadOnlyDictionary<string, string> defined)
    {
        if (!input.Contains('$', StringComparison.Ordinal))
        {
            return input;
        }

        var output = new StringBuilder(input.Length);
        var index = 0;
        while (index < input.Length)
        {
            var dollar = input.IndexOf('$', index);
            if (dollar < 0 || dollar == input.Length - 1)
            {
                output.Append(input, index, input.Length - index);
                break;
            }

            output.Append(input, index, dollar - index);
            var next = input[dollar + 1];
            if (next == '$')
            {
                output.Append('$');
                index = dollar + 2;
            }
            else if (next == '(' && input.IndexOf(')', dollar + 2) is var close and >= 0)
            {
                var name = input[(dollar + 2)..close];
                output.Append(defined.TryGetValue(name, out var value) ? value : $"$({name})");
                index = close + 1;
            }
            else
            {
                // "$(" without ")" and "$x" are written as they are.
                output.Append('$').Append(next);
                index = dollar + 2;
            }
        }

        return output.ToString();
    }
}
