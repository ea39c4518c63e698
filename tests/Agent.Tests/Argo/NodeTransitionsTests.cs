using Agent.Core.Executors.Argo;

namespace Agent.Tests.Argo;

/// <summary>A run's transitions read back from its workflow's and nodes' times.</summary>
public sealed class NodeTransitionsTests
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Recent_FinishedRunWithPendingRetry_OrderedWithPhasesOnlyWhereKnown()
    {
        var workflow = Workflow("Running", T0, null, null,
            new WorkflowNode("wf(0)", "wf(0)", "Pod", "ingestion", "Failed", "Error (exit code 1)") { StartedAt = T0.AddSeconds(1), FinishedAt = T0.AddSeconds(30) },
            new WorkflowNode("wf(1)", "wf(1)", "Pod", "ingestion", "Pending", "ContainerCreating") { StartedAt = T0.AddSeconds(40) });

        var transitions = NodeTransitions.Recent(workflow, 50);

        Assert.Equal(
            [
                new NodeTransition(T0, "wf", NodeTransitions.WorkflowType, NodeTransitions.Started, "Running", null),
                new NodeTransition(T0.AddSeconds(1), "wf(0)", "Pod", NodeTransitions.Started, null, null),
                new NodeTransition(T0.AddSeconds(30), "wf(0)", "Pod", NodeTransitions.Finished, "Failed", "Error (exit code 1)"),
                new NodeTransition(T0.AddSeconds(40), "wf(1)", "Pod", NodeTransitions.Started, "Pending", "ContainerCreating"),
            ],
            transitions);
    }

    [Fact]
    public void Recent_MoreThanMax_KeepsTheLatestWithStartBeforeFinishAtTheSameTime()
    {
        var workflow = Workflow("Succeeded", T0, T0.AddSeconds(5), "done",
            new WorkflowNode("wf", "wf", "Pod", "ingestion", "Succeeded", null) { StartedAt = T0, FinishedAt = T0.AddSeconds(5) });

        var transitions = NodeTransitions.Recent(workflow, 3);

        Assert.Equal(3, transitions.Count);
        Assert.Equal(T0, transitions[0].At);
        Assert.Equal([NodeTransitions.Started, NodeTransitions.Finished, NodeTransitions.Finished], transitions.Select(t => t.Transition));
        Assert.Contains(transitions, t => t is { NodeType: NodeTransitions.WorkflowType, Phase: "Succeeded", Message: "done" });
    }

    private static ArgoWorkflow Workflow(string phase, DateTimeOffset started, DateTimeOffset? finished, string? message, params WorkflowNode[] nodes) =>
        new("wf", "ingestion", new Dictionary<string, string>(), new Dictionary<string, string>(), phase, started, started, finished, message, null, "1")
        {
            Nodes = nodes,
        };
}
