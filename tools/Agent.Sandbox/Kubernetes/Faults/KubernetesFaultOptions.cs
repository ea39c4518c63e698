using Agent.Sandbox.Faults;

namespace Agent.Sandbox.Kubernetes.Faults;

/// <summary>
/// Faults the emulator injects into its own Kubernetes API, bound from <c>Sandbox:Kubernetes:Faults</c> at start and
/// replaced at run time through <c>PUT /sandbox/kubernetes/faults</c> or <see cref="KubernetesFaults.Configure"/>. All
/// off by default. <see cref="FaultOptions.Routes"/> name calls as <see cref="KubeCall"/> spells them: a verb and a
/// resource (<c>"create jobs"</c>, <c>"watch jobs"</c>, <c>"get pods/log"</c>) or just the resource (<c>"jobs"</c>).
/// A failing call answers 503 with the apiserver's <c>ServiceUnavailable</c> Status.
/// </summary>
internal sealed class KubernetesFaultOptions : FaultOptions
{
    public const string SectionName = "Sandbox:Kubernetes:Faults";
}
