using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Errors;
using Agent.Sandbox.Argo.Json;

namespace Agent.Sandbox.Argo.Query;

/// <summary>
/// The subset of k8s field selectors Argo accepts for workflows: <c>metadata.name</c> and <c>metadata.namespace</c>
/// with <c>=</c>, <c>==</c> or <c>!=</c>. Anything else is "unsupported requirement", as in
/// <c>server/utils/list_options.go</c>.
/// </summary>
internal sealed class FieldSelector
{
    public static readonly FieldSelector Everything = new([]);

    private readonly IReadOnlyList<(string Field, bool Equal, string Value)> _requirements;

    private FieldSelector(IReadOnlyList<(string Field, bool Equal, string Value)> requirements) => _requirements = requirements;

    public static FieldSelector Parse(string? selector)
    {
        if (string.IsNullOrWhiteSpace(selector))
        {
            return Everything;
        }

        var requirements = new List<(string, bool, string)>();
        foreach (var term in selector.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            requirements.Add(ParseTerm(term));
        }

        return new FieldSelector(requirements);
    }

    public bool Matches(JsonObject resource) => _requirements.All(r =>
        string.Equals(Read(resource, r.Field), r.Value, StringComparison.Ordinal) == r.Equal);

    private static (string, bool, string) ParseTerm(string term)
    {
        foreach (var field in (string[])["metadata.name", "metadata.namespace"])
        {
            if (!term.StartsWith(field, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = term[field.Length..];
            foreach (var op in (string[])["==", "!=", "="])
            {
                if (rest.StartsWith(op, StringComparison.Ordinal))
                {
                    return (field, op != "!=", rest[op.Length..]);
                }
            }
        }

        throw ArgoApiException.InvalidArgument($"unsupported requirement {term}");
    }

    private static string Read(JsonObject resource, string field) =>
        field == "metadata.name" ? ResourceJson.Name(resource) : ResourceJson.Namespace(resource);
}
