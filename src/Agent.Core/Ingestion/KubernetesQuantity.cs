using System.Text.RegularExpressions;

namespace Agent.Core.Ingestion;

/// <summary>
/// The grammar of a Kubernetes resource quantity, so a CPU or memory setting a cluster would refuse is refused at
/// start instead of being written into every workflow. k8s.io/apimachinery pkg/api/resource/quantity.go:
/// <c>&lt;quantity&gt; ::= &lt;signedNumber&gt;&lt;suffix&gt;</c>, a number being <c>1</c>, <c>1.5</c>, <c>1.</c> or
/// <c>.5</c>; pkg/api/resource/suffix.go: binary SI <c>Ki Mi Gi Ti Pi Ei</c>, decimal SI <c>n u m "" k M G T P E</c>,
/// or a decimal exponent, <c>e</c> or <c>E</c> and a signed integer. So <c>4Gi</c>, <c>4G</c>, <c>500m</c> and
/// <c>1e3</c> are quantities; <c>4GB</c>, <c>4K</c> and <c>lots</c> are not.
/// </summary>
internal static partial class KubernetesQuantity
{
    public enum Verdict
    {
        Valid,
        NotAQuantity,
        Negative,
    }

    /// <summary>
    /// Judges a container limit or request. Surrounding spaces are ignored, as Quantity.UnmarshalJSON trims them; a
    /// negative one parses but Kubernetes refuses it for a container (ValidateNonnegativeQuantity, pkg/apis/core/validation).
    /// </summary>
    public static Verdict Judge(string text)
    {
        var match = Grammar().Match(text.Trim());
        if (!match.Success)
        {
            return Verdict.NotAQuantity;
        }

        // "-0" and "-0.0" are zero: only a non-zero digit makes a minus sign matter.
        return match.Groups["sign"].Value == "-" && match.Groups["number"].Value.Any(digit => digit is >= '1' and <= '9')
            ? Verdict.Negative
            : Verdict.Valid;
    }

    [GeneratedRegex(@"^(?<sign>[+-]?)(?<number>[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[KMGTPE]i|[numkMGTPE]|[eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Grammar();
}
