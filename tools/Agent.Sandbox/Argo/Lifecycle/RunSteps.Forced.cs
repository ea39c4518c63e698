namespace Agent.Sandbox.Argo.Lifecycle;

internal static partial class RunSteps
{
    /// <summary>
    /// <c>spec.shutdown</c> (FIDELITY §1.5; workflow_types.go ShouldExecute): the entry's pod is stopped and its node
    /// Failed with <c>Stopped with strategy '…'</c>; after Stop the exit handler still runs, after Terminate it does not
    /// (and a running one is stopped too).
    /// </summary>
    public static double? Shutdown(WorkflowRun run, string strategy, ArgoEmulatorOptions options, DateTimeOffset now)
    {
        run.Shutdown = strategy;
        var message = $"Stopped with strategy '{strategy}'";
        switch (run.Stage)
        {
            case RunStage.Entry:
                StopCurrent(run, NodePhase.Failed, message, now);
                if (run.EntryNode is { Fulfilled: false } entry)
                {
                    entry.End(NodePhase.Failed, message, now);
                }

                return EntryFulfilled(run, options, now);
            case RunStage.Exit when strategy == "Terminate":
                StopCurrent(run, NodePhase.Failed, message, now);
                return Finish(run, now);
            default:
                return CurrentDelay(run, options);
        }
    }

    /// <summary>
    /// A phase forced through the control API. Running starts a Pending pod now; Pending and "" only relabel the
    /// workflow while its pod carries on; a completed phase ends the workflow now, without the exit handler.
    /// </summary>
    public static double? Force(WorkflowRun run, string phase, string? message, ArgoEmulatorOptions options, DateTimeOffset now)
    {
        if (WorkflowPhase.IsCompleted(phase))
        {
            var nodeMessage = phase switch
            {
                WorkflowPhase.Succeeded => null,
                WorkflowPhase.Error => message ?? "sandbox: simulated Error outcome (pod failed to start)",
                _ => message ?? "main: Error (exit code 1)",
            };
            StopCurrent(run, phase, nodeMessage, now);
            foreach (var node in run.Nodes.Where(node => !node.Fulfilled))
            {
                node.End(phase, nodeMessage, now);
            }

            Complete(run, phase, nodeMessage, now);
            return null;
        }

        run.Phase = phase;
        run.Message = message;
        if (phase == WorkflowPhase.Unknown)
        {
            run.StartedAt = null;
        }

        return phase == WorkflowPhase.Running && run.Current is { Pod.Phase: PodPhase.Pending }
            ? StartContainer(run, options, now)
            : CurrentDelay(run, options);
    }

    /// <summary>Ends the current pod as stopped: a running container prints its last line first.</summary>
    private static void StopCurrent(WorkflowRun run, string nodePhase, string? message, DateTimeOffset now)
    {
        if (run.Current is not var (node, pod, _))
        {
            return;
        }

        if (pod.Phase == PodPhase.Running)
        {
            run.Pods.Append(pod, [$"[main] Workflow finished: {nodePhase}"]);
        }

        run.Pods.SetPhase(pod, nodePhase == NodePhase.Succeeded ? PodPhase.Succeeded : PodPhase.Failed);
        node.End(nodePhase, message, now);
        run.Current = null;
    }

    /// <summary>The full wait of the current pod's present phase: the clock restarts from it.</summary>
    private static double? CurrentDelay(WorkflowRun run, ArgoEmulatorOptions options) => run.Current switch
    {
        { Pod.Phase: PodPhase.Pending } when run.Stage == RunStage.Entry && run.PendingReason is not null => null,
        { Pod.Phase: PodPhase.Pending } => options.PendingSeconds,
        { Pod.Phase: PodPhase.Running } => run.Stage == RunStage.Exit ? options.ExitHandlerSeconds : options.RunningSeconds,
        _ => null,
    };
}
