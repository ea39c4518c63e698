using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Agent.Core.Ingestion;

/// <summary>
/// Parses the operators' <c>[KEY:value, KEY2:value2]</c> list. Each item splits on its first colon, so a value
/// may contain colons (URLs) but not commas. Reasons name the item by position only: values are secrets.
/// </summary>
internal static partial class ExtraEnvParser
{
    public static bool TryParse(
        string? text,
        [NotNullWhen(true)] out IReadOnlyList<KeyValuePair<string, string>>? values,
        [NotNullWhen(false)] out string? reason)
    {
        values = null;
        reason = null;
        var body = (text ?? string.Empty).Trim();
        if (IsJson(body))
        {
            reason = "it is JSON, which is not the accepted form: write [KEY:value, KEY2:value2], e.g. [AWS_DEFAULT_REGION:eu-west-1]";
            return false;
        }

        if (body.StartsWith('[') != body.EndsWith(']'))
        {
            reason = "must be a list like [KEY:value, KEY2:value2] with both brackets";
            return false;
        }

        if (body.StartsWith('['))
        {
            body = body[1..^1];
        }

        var result = new List<KeyValuePair<string, string>>();
        var items = body.Split(',', StringSplitOptions.TrimEntries);
        for (var index = 0; index < items.Length; index++)
        {
            if (items[index].Length == 0 && items.Length == 1)
            {
                break; // "[]" or an empty string: no extra variables.
            }

            var itemReason = TryParseItem(items[index], index + 1, result);
            if (itemReason is not null)
            {
                reason = itemReason;
                return false;
            }
        }

        values = result;
        return true;
    }

    /// <summary>Adds the item to <paramref name="result"/>, or returns why it cannot.</summary>
    private static string? TryParseItem(string item, int position, List<KeyValuePair<string, string>> result)
    {
        var colon = item.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return $"item {position} has no ':' between name and value (expected KEY:value)";
        }

        var name = item[..colon].Trim();
        if (!EnvironmentName().IsMatch(name))
        {
            return $"item {position} has an invalid variable name (letters, digits, '_', '.', '-'; not starting with a digit)";
        }

        if (result.Exists(pair => pair.Key == name))
        {
            return $"item {position} repeats the variable {name}";
        }

        result.Add(new(name, item[(colon + 1)..].Trim()));
        return null;
    }

    /// <summary>
    /// A JSON object or a non-empty JSON array, as Kubernetes env lists and maps are often written. No such text is a
    /// valid list (its items would start with a quote or a brace), so it gets a reason that says what to write instead.
    /// "[]" is JSON too, but also the empty list, so it stays accepted.
    /// </summary>
    private static bool IsJson(string body)
    {
        if (!body.StartsWith('{') && !body.StartsWith('['))
        {
            return false;
        }

        try
        {
            return JsonNode.Parse(body) is JsonObject or JsonArray { Count: > 0 };
        }
        catch (JsonException)
        {
            return false;
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_.-]*$")]
    private static partial Regex EnvironmentName();
}
