using Agent.Core.Protocol.Messages;
using Agent.Core.Runs;

namespace Agent.Tests.Runs;

public class RunRegistryTests
{
    private static readonly DateTimeOffset Created = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void GetOrAdd_ExistingRunId_KeepsFirstRecord()
    {
        var registry = new RunRegistry();
        var first = registry.GetOrAdd(Run("run-1", "wf-1"));

        var second = registry.GetOrAdd(Run("run-1", "wf-other"));

        Assert.Same(first, second);
        Assert.Equal("run-1", registry.FindByWorkflow("wf-1")!.RunId);
        Assert.Null(registry.FindByWorkflow("wf-other"));
    }

    [Fact]
    public void Update_KnownRun_AppliesChange()
    {
        var registry = new RunRegistry();
        registry.GetOrAdd(Run("run-1", "wf-1"));

        var updated = registry.Update("run-1", run => run with { State = PipelineStates.Running });

        Assert.Equal(PipelineStates.Running, updated!.State);
        Assert.Equal(PipelineStates.Running, registry.Find("run-1")!.State);
        Assert.Equal(1, registry.InFlightCount);
    }

    [Fact]
    public void Update_UnknownRun_ReturnsNull()
    {
        Assert.Null(new RunRegistry().Update("nope", run => run));
    }

    [Fact]
    public void Remove_Run_ForgetsBothKeys()
    {
        var registry = new RunRegistry();
        registry.GetOrAdd(Run("run-1", "wf-1"));

        registry.Remove("run-1");

        Assert.Null(registry.Find("run-1"));
        Assert.Null(registry.FindByWorkflow("wf-1"));
    }

    [Fact]
    public void Withdraw_ClaimUnchanged_ForgetsBothKeys()
    {
        var registry = new RunRegistry();
        var claim = registry.GetOrAdd(Run("run-1", "wf-1"));

        Assert.True(registry.Withdraw(claim));

        Assert.Null(registry.Find("run-1"));
        Assert.Null(registry.FindByWorkflow("wf-1"));
    }

    /// <summary>The watcher saw the workflow (Argo has it after all), so the run stays.</summary>
    [Fact]
    public void Withdraw_RecordChangedSinceTheClaim_KeepsTheRun()
    {
        var registry = new RunRegistry();
        var claim = registry.GetOrAdd(Run("run-1", "wf-1"));
        registry.Update("run-1", run => run with { State = PipelineStates.Running });

        Assert.False(registry.Withdraw(claim));

        Assert.Equal(PipelineStates.Running, registry.FindByWorkflow("wf-1")?.State);
    }

    [Fact]
    public void Update_MoreFinishedThanRetention_EvictsOldestFinished()
    {
        var registry = new RunRegistry();
        registry.GetOrAdd(Run("in-flight", "wf-in-flight"));
        for (var i = 0; i <= RunRegistry.FinishedRetention; i++)
        {
            registry.GetOrAdd(Run($"run-{i}", $"wf-{i}"));
            registry.Update($"run-{i}", run => run with { State = PipelineStates.Success });
        }

        Assert.Null(registry.Find("run-0"));
        Assert.Null(registry.FindByWorkflow("wf-0"));
        Assert.NotNull(registry.Find("run-1"));
        Assert.NotNull(registry.Find("in-flight"));
        Assert.Single(registry.InFlight());
    }

    private static RunRecord Run(string runId, string workflowName) =>
        new(runId, "svc.p", "metadata", workflowName, PipelineStates.Queued, Created);
}
