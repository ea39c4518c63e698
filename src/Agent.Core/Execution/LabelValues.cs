using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Agent.Core.Execution;

/// <summary>
/// Makes names and label values Kubernetes accepts from text the control plane chooses. Text that is not
/// already safe is hashed, never trimmed, so two different inputs can't end up with the same label.
/// </summary>
internal static partial class LabelValues
{
    public const int MaxLabelLength = 63;

    public static bool IsValidLabelValue(string value) => value.Length <= MaxLabelLength && LabelValue().IsMatch(value);

    public static string ForAgentId(string agentId) => IsValidLabelValue(agentId) ? agentId : "h-" + Hash(agentId, 40);

    /// <summary>A pipeline FQN may hold anything (quotes, spaces, unicode), so it is always hashed.</summary>
    public static string ForPipeline(string pipelineFqn) => Hash(pipelineFqn, 40);

    public static string ForFreeText(string value) => IsValidLabelValue(value) ? value : "h-" + Hash(value, 40);

    /// <summary>A lowercase DNS-label fragment of at most <paramref name="maxLength"/> characters, or <paramref name="fallback"/>.</summary>
    public static string ToDnsFragment(string value, int maxLength, string fallback)
    {
        var lowered = NotDnsCharacters().Replace(value.ToLowerInvariant(), "-");
        lowered = RepeatedDashes().Replace(lowered, "-").Trim('-');
        if (lowered.Length > maxLength)
        {
            lowered = lowered[..maxLength].TrimEnd('-');
        }

        return lowered.Length == 0 ? fallback : lowered;
    }

    /// <summary>The part of a run's name that comes from its run id: a UUID's 32 hex digits, else a hash of the same length.</summary>
    public static string RunSuffix(string runId) =>
        Guid.TryParse(runId, out var guid) ? guid.ToString("N") : Hash(runId, 32);

    public static string Hash(string value, int length) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..length];

    [GeneratedRegex(@"^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?\z")]
    private static partial Regex LabelValue();

    [GeneratedRegex("[^a-z0-9-]")]
    private static partial Regex NotDnsCharacters();

    [GeneratedRegex("-{2,}")]
    private static partial Regex RepeatedDashes();
}
