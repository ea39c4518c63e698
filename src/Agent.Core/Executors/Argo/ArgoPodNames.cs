using System.Globalization;
using System.Text;

namespace Agent.Core.Executors.Argo;

/// <summary>
/// The name Argo gives the pod of a Pod node, so the agent can ask the log API for exactly one pod (FIDELITY §1.3;
/// Argo v4.1.2 <c>workflow/util/pod_name.go</c> GeneratePodName). Argo records no pod name in the node status; the
/// CLI and the UI recompute it the same way.
/// </summary>
internal static class ArgoPodNames
{
    /// <summary>The workflow annotation in which the controller records the naming scheme it used (<c>v1</c> or <c>v2</c>).</summary>
    public const string FormatAnnotation = "workflows.argoproj.io/pod-name-format";

    // pod_name.go: maxK8sResourceNameLength (253) - k8sNamingHashLength (10), and the prefix is cut one shorter.
    private const int MaxPrefixLength = 253 - 10 - 1;

    public static string For(ArgoWorkflow workflow, WorkflowNode node)
    {
        // v1 names the pod after the node id; v2, the default since Argo 3.4, is used for any other value.
        if (workflow.Annotation(FormatAnnotation) == "v1")
        {
            return node.Id;
        }

        if (node.Name == workflow.Name)
        {
            return workflow.Name;
        }

        var prefix = node.TemplateName.Length > 0 ? $"{workflow.Name}-{node.TemplateName}" : workflow.Name;
        if (prefix.Length > MaxPrefixLength)
        {
            // Go slices bytes; Kubernetes names are ASCII, so bytes and chars agree.
            prefix = prefix[..MaxPrefixLength];
        }

        return $"{prefix}-{Fnv1a32(node.Name).ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>32-bit FNV-1a over the UTF-8 bytes, as Go's <c>hash/fnv</c> New32a.</summary>
    public static uint Fnv1a32(string text)
    {
        var hash = 2166136261u;
        foreach (var value in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ value) * 16777619u;
        }

        return hash;
    }
}
