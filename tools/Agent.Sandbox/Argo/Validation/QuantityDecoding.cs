using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Errors;

namespace Agent.Sandbox.Argo.Validation;

/// <summary>
/// The Argo Server decodes a request body into Go types before anything else (util/json/json.go, encoding/json;
/// pkg/apiclient/workflow/workflow.pb.gw.go turns a decode error into InvalidArgument, HTTP 400, FIDELITY §3.0). Every
/// <c>resources.limits</c> and <c>resources.requests</c> value is a k8s.io/apimachinery <c>resource.Quantity</c>, whose
/// UnmarshalJSON (apimachinery v0.35 pkg/api/resource/quantity.go) trims the text and runs ParseQuantity, so a value
/// such as <c>4GB</c> fails the whole submit with the parser's own error text, and no workflow is created.
/// </summary>
internal static class QuantityDecoding
{
    // quantity.go ErrFormatWrong and ErrSuffix, verbatim.
    public const string FormatWrong = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
    public const string SuffixWrong = "unable to parse quantity's suffix";

    private const string SuffixLetters = "eEinumkKMGTP";

    // suffix.go newSuffixer: decimal SI and binary SI; any other suffix must be a decimal exponent.
    private static readonly string[] KnownSuffixes = ["", "n", "u", "m", "k", "M", "G", "T", "P", "E", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];

    /// <summary>Throws InvalidArgument for the first quantity, in document order, that does not decode.</summary>
    public static void Check(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject json:
                foreach (var (name, child) in json)
                {
                    if (name == "resources" && child is JsonObject resources)
                    {
                        CheckList(resources["limits"]);
                        CheckList(resources["requests"]);
                    }

                    Check(child);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Check(item);
                }

                break;
        }
    }

    /// <summary>Why <paramref name="text"/> is not a quantity, in ParseQuantity's words, or null when it is one.</summary>
    public static string? ParseError(string text)
    {
        var s = text.Trim();
        if (s.Length == 0)
        {
            return FormatWrong;
        }

        // parseQuantityString: sign, leading zeros, integer digits, an optional '.' and fraction; running out of text
        // at any of these points is a (possibly zero) number, which is how "+", "." and "1." parse.
        var pos = s[0] is '+' or '-' ? 1 : 0;
        pos = SkipWhile(s, pos, char.IsAsciiDigit);
        if (pos < s.Length && s[pos] == '.')
        {
            pos = SkipWhile(s, pos + 1, char.IsAsciiDigit);
        }

        var suffixStart = pos;
        pos = SkipWhile(s, pos, letter => SuffixLetters.Contains(letter, StringComparison.Ordinal));
        if (pos < s.Length && s[pos] is '+' or '-')
        {
            pos++;
        }

        if (SkipWhile(s, pos, char.IsAsciiDigit) < s.Length)
        {
            return FormatWrong;
        }

        var suffix = s[suffixStart..];
        var exponent = suffix.Length > 1 && suffix[0] is 'e' or 'E'
            && long.TryParse(suffix.AsSpan(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
        return KnownSuffixes.Contains(suffix, StringComparer.Ordinal) || exponent ? null : SuffixWrong;
    }

    private static void CheckList(JsonNode? list)
    {
        if (list is not JsonObject quantities)
        {
            return;
        }

        foreach (var (_, value) in quantities)
        {
            // UnmarshalJSON takes a JSON string without its quotes and anything else as written (2, 1.5, true, {}).
            var text = value switch
            {
                null => null,
                JsonValue scalar when scalar.GetValueKind() == JsonValueKind.String => scalar.GetValue<string>(),
                _ => value.ToJsonString(),
            };
            if (text is not null && ParseError(text) is { } error)
            {
                throw ArgoApiException.InvalidArgument(error);
            }
        }
    }

    private static int SkipWhile(string text, int position, Func<char, bool> accepted)
    {
        while (position < text.Length && accepted(text[position]))
        {
            position++;
        }

        return position;
    }
}
