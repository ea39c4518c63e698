namespace Agent.Core.Execution;

/// <summary>
/// A run built and checked by its executor, ready to start: what the executor will call it and, when local policy
/// forbids it, why. Each executor subclasses it to carry what it built, so building happens once per start.
/// </summary>
internal abstract class RunPlan(RunRequest run, string workflowName, string? refusal)
{
    public RunRequest Run { get; } = run;

    /// <summary>The name the run gets, derived from the request alone, so a replay gets the same one.</summary>
    public string WorkflowName { get; } = workflowName;

    /// <summary>Why local policy forbids the run, or null when it may start.</summary>
    public string? Refusal { get; } = refusal;
}
