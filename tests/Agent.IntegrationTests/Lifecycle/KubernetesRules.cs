using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Agent.IntegrationTests.Lifecycle;

/// <summary>
/// The apimachinery rules, written out here independently of the agent's own sanitiser: DNS-1123 labels and
/// subdomains for names, qualified names for label keys and the label value syntax, each at most 63 characters.
/// </summary>
internal static partial class KubernetesRules
{
    /// <summary>Argo refuses longer CronWorkflow names: the workflows they start append "-" and a 10-digit time.</summary>
    public const int MaxCronWorkflowName = 52;

    public static bool IsDns1123Label(string value) => value.Length is > 0 and <= 63 && Dns1123Label().IsMatch(value);

    public static bool IsLabelValue(string value) => value.Length <= 63 && LabelValue().IsMatch(value);

    public static bool IsLabelKey(string key)
    {
        var parts = key.Split('/');
        return parts.Length switch
        {
            1 => IsNamePart(parts[0]),
            2 => parts[0].Length <= 253 && parts[0].Split('.').All(IsDns1123Label) && IsNamePart(parts[1]),
            _ => false,
        };
    }

    /// <summary>Every problem of the labels in <paramref name="labels"/>, as "where: key=value" lines.</summary>
    public static IEnumerable<string> LabelProblems(JsonNode? labels, string where) =>
        (labels?.AsObject() ?? []).Where(pair => !IsLabelKey(pair.Key) || pair.Value is null || !IsLabelValue((string)pair.Value!))
            .Select(pair => $"{where}: {pair.Key}={pair.Value}");

    private static bool IsNamePart(string value) => value.Length is > 0 and <= 63 && NamePart().IsMatch(value);

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1123Label();

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$")]
    private static partial Regex NamePart();

    [GeneratedRegex("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$")]
    private static partial Regex LabelValue();
}
