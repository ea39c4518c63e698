using System.Globalization;
using System.Text;

namespace Agent.Sandbox.Argo.Lifecycle;

/// <summary>
/// Argo's node and pod names (FIDELITY §1.3, §3.6). Node IDs are <c>&lt;wf&gt;-&lt;fnv32a(nodeName)&gt;</c> except for the
/// node named exactly <c>&lt;wf&gt;</c> (pkg/apis/workflow/v1alpha1/workflow_types.go NodeID). Pod names follow scheme v2,
/// <c>&lt;wf&gt;-&lt;template&gt;-&lt;fnv32a(nodeName)&gt;</c> with the prefix cut to 242 characters, and the node named
/// <c>&lt;wf&gt;</c> gets the pod <c>&lt;wf&gt;</c> (workflow/util/pod_name.go GeneratePodName).
/// </summary>
internal static class NodeNaming
{
    // pod_name.go: maxK8sResourceNameLength (253) - k8sNamingHashLength (10).
    private const int MaxPrefixLength = 243;

    public static string OnExitNodeName(string workflowName) => $"{workflowName}.onExit";

    /// <summary>A retry attempt's node: <c>&lt;parent&gt;(k)</c>, k from 0.</summary>
    public static string AttemptNodeName(string parentName, int attempt) =>
        $"{parentName}({attempt.ToString(CultureInfo.InvariantCulture)})";

    public static string NodeId(string workflowName, string nodeName) =>
        nodeName == workflowName ? workflowName : $"{workflowName}-{Hash(nodeName)}";

    public static string PodName(string workflowName, string nodeName, string templateName)
    {
        if (nodeName == workflowName)
        {
            return workflowName;
        }

        var prefix = templateName.Length > 0 ? $"{workflowName}-{templateName}" : workflowName;
        if (prefix.Length > MaxPrefixLength - 1)
        {
            prefix = prefix[..(MaxPrefixLength - 1)];
        }

        return $"{prefix}-{Hash(nodeName)}";
    }

    /// <summary>FNV-1a 32-bit, printed in decimal as Go's <c>%v</c> prints a uint32.</summary>
    public static string Hash(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return hash.ToString(CultureInfo.InvariantCulture);
    }
}
