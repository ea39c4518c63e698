using Agent.Core.Execution;
using Agent.Core.Executors.Argo;
using Agent.Core.Executors.Argo.Generated.Models.Io.Argoproj.Workflow.V1alpha1;

namespace Agent.Tests.Argo.Fakes;

/// <summary>
/// An Argo holding a fixed set of workflows, listed by the pipeline label the agent selects on (all of them for a
/// selector naming no pipeline); it creates and gets only as <see cref="Create"/> and <see cref="Existing"/> say.
/// </summary>
internal sealed class FakeArgoWorkflowClient(params ArgoWorkflow[] workflows) : IArgoWorkflowClient
{
    public Func<Workflow, CancellationToken, Task>? Create { get; init; }

    /// <summary>What a get of any name returns.</summary>
    public ArgoWorkflow? Existing { get; init; }

    public List<string> Selectors { get; } = [];

    public Task<WorkflowPage> ListWorkflowsAsync(string labelSelector, CancellationToken cancellationToken)
    {
        Selectors.Add(labelSelector);
        var pipeline = labelSelector.Split(',').SingleOrDefault(term => term.StartsWith(WorkflowLabels.Pipeline + "=", StringComparison.Ordinal));
        var matching = workflows.Where(workflow => pipeline is null || $"{WorkflowLabels.Pipeline}={workflow.Label(WorkflowLabels.Pipeline)}" == pipeline).ToList();
        return Task.FromResult(new WorkflowPage(matching, "1"));
    }

    public Task CreateWorkflowAsync(Workflow workflow, CancellationToken cancellationToken) =>
        Create is null ? throw new NotSupportedException() : Create(workflow, cancellationToken);

    public Task<ArgoWorkflow?> GetWorkflowAsync(string name, CancellationToken cancellationToken) => Task.FromResult(Existing);

    public IAsyncEnumerable<WorkflowEvent> WatchWorkflowsAsync(string labelSelector, string? resourceVersion, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task ShutdownWorkflowAsync(string name, ShutdownStrategy strategy, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task DeleteWorkflowAsync(string name, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> ReadPodLogAsync(string name, string podName, string container, LogLineSink onLine, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task CheckAccessAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<string> GetVersionAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
}
