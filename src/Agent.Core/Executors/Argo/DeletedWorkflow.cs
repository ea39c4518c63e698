namespace Agent.Core.Executors.Argo;

/// <summary>
/// How the agent reports a workflow deleted while its run was active. Deleting a Workflow makes Kubernetes garbage-collect
/// its pods, whose controller ownerReference is the Workflow (Argo v4.1.2 workflow/controller/workflowpod.go,
/// <c>NewControllerRef(woc.wf, …)</c>), and no controller is left to run the exit handler, so the run ended where it was, at the
/// hand of whoever deleted it: a <c>pipeline.delete</c>, an operator's <c>kubectl delete</c> or <c>argo delete</c>. That is
/// what <c>stopped</c> means (ended on request, as a kill is), not <c>failed</c> (the run's own work went wrong), so it is
/// reported as Argo shows a terminated workflow: phase Failed with <c>spec.shutdown</c> set, ended when the agent learnt
/// of the deletion, with a message that names it (docs/protocol.md §7, docs/argo-mapping.md).
/// </summary>
internal static class DeletedWorkflow
{
    public static ArgoWorkflow AsStopped(ArgoWorkflow last, DateTimeOffset noticedAt) => last with
    {
        Phase = "Failed",
        Shutdown = nameof(ShutdownStrategy.Terminate),
        FinishedAt = noticedAt,
        Message = $"workflow {last.Name} was deleted while the run was {WorkflowPhases.ToPipelineState(last)}; its pods went with it",
    };
}
