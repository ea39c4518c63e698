using System.Text.RegularExpressions;

namespace Agent.Sandbox.Argo.Validation;

/// <summary>
/// The k8s apimachinery name rules (<c>pkg/util/validation/validation.go</c>) the kube-apiserver applies before an
/// object is stored, with its error texts (FIDELITY §3.2).
/// </summary>
internal static partial class KubernetesNames
{
    public const string Dns1123SubdomainMessage =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start " +
        "and end with an alphanumeric character (e.g. 'example.com', regex used for validation is " +
        "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

    private const string QualifiedNameFormat = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";

    // RegexError joins its examples with "', " + " or ": the double space is in the real message.
    private const string QualifiedNameMessage =
        "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character " +
        "(e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '" + QualifiedNameFormat + "')";

    private const string LabelValueMessage =
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and " +
        "end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(" +
        QualifiedNameFormat + ")?')";

    public static bool IsDns1123Subdomain(string value) => Dns1123SubdomainErrors(value).Count == 0;

    /// <summary>A label key: an optional DNS subdomain prefix and a slash, then a name of at most 63 characters.</summary>
    public static bool IsQualifiedName(string value) => QualifiedNameErrors(value).Count == 0;

    public static bool IsLabelValue(string value) => LabelValueErrors(value).Count == 0;

    public static List<string> Dns1123SubdomainErrors(string value)
    {
        var errors = new List<string>();
        if (value.Length > 253)
        {
            errors.Add("must be no more than 253 characters");
        }

        if (!Dns1123Subdomain().IsMatch(value))
        {
            errors.Add(Dns1123SubdomainMessage);
        }

        return errors;
    }

    /// <summary>IsQualifiedName: the prefix part (if any), then the name part.</summary>
    public static List<string> QualifiedNameErrors(string value)
    {
        var errors = new List<string>();
        var parts = value.Split('/');
        if (parts.Length > 2)
        {
            errors.Add("a qualified name " + QualifiedNameMessage + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
            return errors;
        }

        var name = parts[^1];
        if (parts.Length == 2)
        {
            errors.AddRange(parts[0].Length == 0
                ? ["prefix part must be non-empty"]
                : Dns1123SubdomainErrors(parts[0]).Select(message => "prefix part " + message));
        }

        if (name.Length == 0)
        {
            errors.Add("name part must be non-empty");
        }
        else if (name.Length > 63)
        {
            errors.Add("name part must be no more than 63 characters");
        }

        if (!QualifiedNamePart().IsMatch(name))
        {
            errors.Add("name part " + QualifiedNameMessage);
        }

        return errors;
    }

    /// <summary>IsValidLabelValue: at most 63 characters, empty or alphanumeric at both ends.</summary>
    public static List<string> LabelValueErrors(string value)
    {
        var errors = new List<string>();
        if (value.Length > 63)
        {
            errors.Add("must be no more than 63 characters");
        }

        if (!LabelValue().IsMatch(value))
        {
            errors.Add(LabelValueMessage);
        }

        return errors;
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\\z")]
    private static partial Regex Dns1123Subdomain();

    [GeneratedRegex("^" + QualifiedNameFormat + "\\z")]
    private static partial Regex QualifiedNamePart();

    [GeneratedRegex("^(" + QualifiedNameFormat + ")?\\z")]
    private static partial Regex LabelValue();
}
