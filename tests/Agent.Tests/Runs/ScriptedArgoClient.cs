using Agent.Core.Argo;
using Agent.Core.Argo.Generated.Models.Io.Argoproj.Workflow.V1alpha1;

namespace Agent.Tests.Runs;

/// <summary>
/// An Argo that creates, gets and lists as the test says (a list returns <paramref name="listed"/> whatever the selector,
/// and records it); nothing else.
/// </summary>
internal sealed class ScriptedArgoClient(
    Func<Workflow, CancellationToken, Task<ArgoWorkflow>>? create = null, ArgoWorkflow? existing = null, IReadOnlyList<ArgoWorkflow>? listed = null)
    : IArgoWorkflowClient
{
    public List<string> Selectors { get; } = [];

    public Task<ArgoWorkflow> CreateWorkflowAsync(Workflow workflow, CancellationToken cancellationToken) =>
        create is null ? throw new NotSupportedException() : create(workflow, cancellationToken);

    public Task<ArgoWorkflow?> GetWorkflowAsync(string name, CancellationToken cancellationToken) => Task.FromResult(existing);

    public Task<WorkflowPage> ListWorkflowsAsync(string labelSelector, CancellationToken cancellationToken)
    {
        Selectors.Add(labelSelector);
        return listed is null ? throw new NotSupportedException() : Task.FromResult(new WorkflowPage([.. listed], "1"));
    }

    public IAsyncEnumerable<WorkflowEvent> WatchWorkflowsAsync(string labelSelector, string? resourceVersion, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task ShutdownWorkflowAsync(string name, ShutdownStrategy strategy, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task DeleteWorkflowAsync(string name, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> ReadPodLogAsync(string name, string podName, string container, LogLineSink onLine, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task CheckAccessAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<string> GetVersionAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
}
