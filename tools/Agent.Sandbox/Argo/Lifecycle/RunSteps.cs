using System.Text.Json.Nodes;

namespace Agent.Sandbox.Argo.Lifecycle;

/// <summary>
/// The emulated controller's transitions, after operator.go (Argo v4.1.2). Each runs under the store lock and returns
/// the seconds until the next one is due (null: nothing is due until something is forced). Workflow: "" → Running at
/// once (FIDELITY §6.1); each pod Pending for <c>PendingSeconds</c> with <c>ContainerCreating</c> (§6.2), then Running
/// for <c>RunningSeconds</c> (<c>ExitHandlerSeconds</c> for the exit pod); retries and the exit handler follow.
/// </summary>
internal static partial class RunSteps
{
    public static double? Begin(WorkflowRun run, ArgoEmulatorOptions options, DateTimeOffset now)
    {
        run.Phase = WorkflowPhase.Running;
        run.StartedAt = now;
        if (run.Plan.EntryTemplate is not { } template)
        {
            // Nothing the sandbox can run (steps or dag only): it just ends.
            run.EntryNode = AddNode(run, run.Plan.WorkflowName, RunNode.PodType, run.Plan.WorkflowName, now);
            run.EntryNode.End(NodePhase.Succeeded, null, now);
            return EntryFulfilled(run, options, now);
        }

        run.PendingReason = PendingMarker.Find(ConfigOf(template));
        if (run.Plan.PodBuildError(template) is { } error)
        {
            // FIDELITY §3.3: the pod is never created; the node and the workflow go Error, and onExit does not run.
            run.EntryNode = AddNode(run, run.Plan.WorkflowName, RunNode.PodType, RunPlan.TemplateName(template), now);
            run.EntryNode.End(NodePhase.Error, error, now);
            Complete(run, WorkflowPhase.Error, $"error in entry template execution: {error}", now);
            return null;
        }

        var templateName = RunPlan.TemplateName(template);
        if (run.Plan.RetryLimit is not null)
        {
            run.EntryNode = AddNode(run, run.Plan.WorkflowName, RunNode.RetryType, templateName, now);
            run.EntryNode.Phase = NodePhase.Running;
            return StartAttempt(run, options, now);
        }

        run.EntryNode = AddNode(run, run.Plan.WorkflowName, RunNode.PodType, templateName, now);
        return CreatePod(run, run.EntryNode, template, onExit: false, options, now);
    }

    /// <summary>The timer fired: start the current pod's container, or end it.</summary>
    public static double? Advance(WorkflowRun run, ArgoEmulatorOptions options, DateTimeOffset now) => run.Current switch
    {
        { Pod.Phase: PodPhase.Pending } => StartContainer(run, options, now),
        { Pod.Phase: PodPhase.Running } => FinishContainer(run, options, now),
        _ => null,
    };

    private static double? StartAttempt(WorkflowRun run, ArgoEmulatorOptions options, DateTimeOffset now)
    {
        var parent = run.EntryNode!;
        var name = NodeNaming.AttemptNodeName(parent.Name, run.Attempts++);
        var node = AddNode(run, name, RunNode.PodType, parent.TemplateName, now, flag: "retried");
        parent.Children.Add(node.Id);
        return CreatePod(run, node, run.Plan.EntryTemplate!, onExit: false, options, now);
    }

    private static double? CreatePod(WorkflowRun run, RunNode node, JsonObject template, bool onExit, ArgoEmulatorOptions options, DateTimeOffset now)
    {
        var labels = new Dictionary<string, string>(run.Plan.PodMetadataLabels, StringComparer.Ordinal);
        foreach (var (key, value) in template["metadata"]?["labels"] as JsonObject ?? [])
        {
            labels[key] = value?.ToString() ?? "";
        }

        // workflowpod.go: these win over podMetadata, and the exit pod is marked as such (FIDELITY §1.4).
        labels[EmulatedPod.WorkflowLabel] = run.Plan.WorkflowName;
        labels[EmulatedPod.CompletedLabel] = "false";
        if (onExit)
        {
            labels[EmulatedPod.OnExitLabel] = "true";
        }

        var pod = new EmulatedPod(NodeNaming.PodName(run.Plan.WorkflowName, node.Name, node.TemplateName), node.Id, node.Name, labels);
        run.Pods.Add(pod);
        run.Current = (node, pod, null);
        var blocked = !onExit ? run.PendingReason : null;
        node.Message = blocked ?? "ContainerCreating";
        return blocked is null ? options.PendingSeconds : null;
    }

    private static double? StartContainer(WorkflowRun run, ArgoEmulatorOptions options, DateTimeOffset now)
    {
        var (node, pod, _) = run.Current!.Value;
        var onExit = run.Stage == RunStage.Exit;
        var template = onExit ? run.Plan.ExitTemplate! : run.Plan.EntryTemplate!;
        var program = ContainerStart.Launch(run, template, pod, onExit, options.DefaultOutcome);
        run.Current = (node, pod, program);
        node.Phase = NodePhase.Running;
        node.Message = null;
        node.HostNodeName = "sandbox-node";
        run.Pods.SetPhase(pod, PodPhase.Running);
        run.Pods.Append(pod, program.StartLines);
        if (run.Phase == WorkflowPhase.Pending)
        {
            run.Phase = WorkflowPhase.Running;
        }

        // An exec failure ends the container the moment it starts (FIDELITY §5.6).
        return program.ExitCode == 255 ? 0 : onExit ? options.ExitHandlerSeconds : options.RunningSeconds;
    }

    private static double? FinishContainer(WorkflowRun run, ArgoEmulatorOptions options, DateTimeOffset now)
    {
        var (node, pod, program) = run.Current!.Value;
        run.Pods.Append(pod, program!.EndLines);
        run.Pods.SetPhase(pod, program.Succeeded ? PodPhase.Succeeded : PodPhase.Failed);
        node.ExitCode = program.ExitCode;
        run.Current = null;
        // operator.go inferFailedReason (FIDELITY §6.4): a failed main is Failed "main: Error (exit code N)" (v3.7+).
        if (program.Succeeded)
        {
            node.End(NodePhase.Succeeded, null, now);
        }
        else if (program.PodError)
        {
            node.End(NodePhase.Error, "sandbox: simulated Error outcome (pod failed to start)", now);
        }
        else
        {
            node.End(NodePhase.Failed, $"main: Error (exit code {program.ExitCode})", now);
        }

        return run.Stage == RunStage.Exit ? ExitFulfilled(run, now) : AttemptEnded(run, node, options, now);
    }

    private static RunNode AddNode(WorkflowRun run, string name, string type, string templateName, DateTimeOffset now, string? flag = null)
    {
        var node = new RunNode(NodeNaming.NodeId(run.Plan.WorkflowName, name), name, type, templateName) { StartedAt = now, Flag = flag };
        run.Nodes.Add(node);
        return node;
    }

    private static string? ConfigOf(JsonObject template) =>
        (template["container"]?["env"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(variable => variable["name"]?.ToString() == "config").Select(variable => variable["value"]?.ToString()).LastOrDefault();
}
