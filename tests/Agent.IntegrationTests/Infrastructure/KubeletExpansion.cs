using System.Text;

namespace Agent.IntegrationTests.Infrastructure;

/// <summary>
/// What the ingestion process receives for an env <c>value</c>: the kubelet's expansion, written from its documented
/// rules (kubernetes <c>third_party/forked/golang/expansion/expand.go</c>, FIDELITY §5.1): <c>$$</c> gives <c>$</c>,
/// <c>$(NAME)</c> gives an earlier variable's value (left as written when there is none), anything else stays.
/// </summary>
internal static class KubeletExpansion
{
    public static string Expand(string value, IReadOnlyDictionary<string, string> earlier)
    {
        var result = new StringBuilder(value.Length);
        for (var index = 0; index < value.Length; index++)
        {
            if (value[index] != '$' || index + 1 == value.Length)
            {
                result.Append(value[index]);
            }
            else if (value[index + 1] == '$')
            {
                result.Append('$');
                index++;
            }
            else if (value[index + 1] == '(' && value.IndexOf(')', index + 2) is var close and > 0)
            {
                var name = value[(index + 2)..close];
                result.Append(earlier.TryGetValue(name, out var found) ? found : value[index..(close + 1)]);
                index = close;
            }
            else
            {
                result.Append('$');
            }
        }

        return result.ToString();
    }

    /// <summary>Every env value of <paramref name="container"/> as its process receives it, in order.</summary>
    public static Dictionary<string, string> ReceivedEnv(System.Text.Json.Nodes.JsonNode container)
    {
        var received = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in container["env"]!.AsArray())
        {
            received[(string)variable!["name"]!] = Expand((string?)variable["value"] ?? string.Empty, received);
        }

        return received;
    }
}
