namespace Agent.Sandbox.Argo.Lifecycle;

internal static partial class RunSteps
{
    private static double? AttemptEnded(WorkflowRun run, RunNode attempt, ArgoEmulatorOptions options, DateTimeOffset now)
    {
        var entry = run.EntryNode!;
        if (entry.Type == RunNode.RetryType)
        {
            // operator.go processNodeRetries (FIDELITY §3.6): limit N allows N+1 attempts; the policy decides which
            // phases are retried (OnFailure by default, so Error is not); the last failure says "No more retries left".
            if (attempt.Phase == NodePhase.Succeeded)
            {
                entry.End(NodePhase.Succeeded, null, now);
            }
            else if (!run.Plan.Retries(attempt.Phase) || run.Shutdown is not null)
            {
                entry.End(attempt.Phase, attempt.Message, now);
            }
            else if (run.Attempts > run.Plan.RetryLimit)
            {
                entry.End(attempt.Phase, "No more retries left", now);
            }
            else
            {
                return StartAttempt(run, options, now);
            }
        }

        return EntryFulfilled(run, options, now);
    }

    /// <summary>
    /// The entry node is done: run <c>onExit</c> as node <c>&lt;wf&gt;.onExit</c> in its own pod unless the workflow was
    /// terminated (ShutdownStrategy.ShouldExecute, FIDELITY §1.5), else finish.
    /// </summary>
    private static double? EntryFulfilled(WorkflowRun run, ArgoEmulatorOptions options, DateTimeOffset now)
    {
        if (run.Plan.ExitTemplate is not { } exit || run.Shutdown == "Terminate")
        {
            return Finish(run, now);
        }

        run.Stage = RunStage.Exit;
        var node = AddNode(run, NodeNaming.OnExitNodeName(run.Plan.WorkflowName), RunNode.PodType, RunPlan.TemplateName(exit), now, flag: "hooked");
        if (run.Plan.PodBuildError(exit) is { } error)
        {
            node.End(NodePhase.Error, error, now);
            Complete(run, WorkflowPhase.Error, $"error in exit template execution : {error}", now);
            return null;
        }

        return CreatePod(run, node, exit, onExit: true, options, now);
    }

    private static double? ExitFulfilled(WorkflowRun run, DateTimeOffset now) => Finish(run, now);

    /// <summary>
    /// The final phase, as operator.go decides it (FIDELITY §1.1): a failed or errored entry node keeps its phase and
    /// message (or "Stopped with strategy" after a shutdown); a succeeded one becomes Failed or Error when the exit
    /// node ended so, with the exit node's message.
    /// </summary>
    private static double? Finish(WorkflowRun run, DateTimeOffset now)
    {
        var entry = run.EntryNode!;
        var exit = run.Stage == RunStage.Exit ? run.Nodes[^1] : null;
        var message = NodePhase.FailedOrError(entry.Phase) && run.Shutdown is not null
            ? $"Stopped with strategy '{run.Shutdown}'"
            : entry.Message;
        var (phase, finalMessage) = entry.Phase switch
        {
            NodePhase.Failed => (WorkflowPhase.Failed, message),
            NodePhase.Error => (WorkflowPhase.Error, message),
            _ when exit?.Phase == NodePhase.Failed => (WorkflowPhase.Failed, exit.Message),
            _ when exit?.Phase == NodePhase.Error => (WorkflowPhase.Error, exit.Message),
            _ => (WorkflowPhase.Succeeded, (string?)null),
        };
        Complete(run, phase, finalMessage, now);
        return null;
    }

    private static void Complete(WorkflowRun run, string phase, string? message, DateTimeOffset now)
    {
        run.Stage = RunStage.Done;
        run.Phase = phase;
        run.Message = message;
        run.FinishedAt = now;
        run.Current = null;
        run.Pods.MarkFulfilled();
    }
}
