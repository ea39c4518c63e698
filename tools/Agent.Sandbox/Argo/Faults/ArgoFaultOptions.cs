using System.ComponentModel.DataAnnotations;
using Agent.Sandbox.Faults;

namespace Agent.Sandbox.Argo.Faults;

/// <summary>
/// Faults the emulator injects into its own Argo API (<c>/api/v1</c>), bound from <c>Sandbox:Argo:Faults</c> at start and
/// replaced at run time through <c>POST /sandbox/argo/faults</c> or <see cref="ArgoFaults.Configure"/>. All off by default.
/// <see cref="FaultOptions.Routes"/> name <c>"METHOD /api/v1/template"</c> or just the template (e.g.
/// <c>/api/v1/workflows/{namespace}</c>). A failing call answers 503 <c>{"code":14,…}</c>. A watch that ends at once
/// gets the in-band ResourceExhausted end Argo sends when its Kubernetes watch closes (Argo v4.1.2
/// server/workflow/workflow_server.go, WatchWorkflows: <c>ToStatusError(io.EOF, codes.ResourceExhausted)</c>).
/// </summary>
internal sealed class ArgoFaultOptions : FaultOptions
{
    public const string SectionName = "Sandbox:Argo:Faults";

    /// <summary>The next this-many watches that resume from a resourceVersion get the in-band "too old resource version" error.</summary>
    [Range(0, int.MaxValue)]
    public int TooOldResourceVersions { get; set; }

    public override void CopyTo(FaultOptions target)
    {
        base.CopyTo(target);
        if (target is ArgoFaultOptions argo)
        {
            argo.TooOldResourceVersions = TooOldResourceVersions;
        }
    }
}
