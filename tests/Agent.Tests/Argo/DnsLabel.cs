using System.Text.RegularExpressions;

namespace Agent.Tests.Argo;

/// <summary>The Kubernetes rules the tests check names and label values against, written independently of production code.</summary>
internal static partial class DnsLabel
{
    public static bool IsDns1123Label(string value) => value.Length is > 0 and <= 63 && Dns1123().IsMatch(value);

    public static bool IsLabelValue(string value) => value.Length <= 63 && LabelValue().IsMatch(value);

    [GeneratedRegex(@"\A[a-z0-9]([-a-z0-9]*[a-z0-9])?\z")]
    private static partial Regex Dns1123();

    [GeneratedRegex(@"\A(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?\z")]
    private static partial Regex LabelValue();
}
