using Agent.Core.Executors.Argo.Generated.Models.Io.Argoproj.Workflow.V1alpha1;
using Agent.Core.Execution;

namespace Agent.Core.Executors.Argo;

/// <summary>A run's workflow, built and customized once, ready to be created.</summary>
internal sealed class ArgoRunPlan(RunRequest run, Workflow workflow, string? refusal) : RunPlan(run, workflow.Metadata!.Name!, refusal)
{
    public Workflow Workflow { get; } = workflow;
}
