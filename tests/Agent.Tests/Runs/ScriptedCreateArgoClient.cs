using Agent.Core.Argo;
using Agent.Core.Argo.Generated.Models.Io.Argoproj.Workflow.V1alpha1;

namespace Agent.Tests.Runs;

/// <summary>An Argo whose create fails as the test says, and whose get returns what the test says; nothing else.</summary>
internal sealed class ScriptedCreateArgoClient(Func<Workflow, CancellationToken, Task<ArgoWorkflow>> create, ArgoWorkflow? existing = null) : IArgoWorkflowClient
{
    public Task<ArgoWorkflow> CreateWorkflowAsync(Workflow workflow, CancellationToken cancellationToken) => create(workflow, cancellationToken);

    public Task<ArgoWorkflow?> GetWorkflowAsync(string name, CancellationToken cancellationToken) => Task.FromResult(existing);

    public Task<WorkflowPage> ListWorkflowsAsync(string labelSelector, CancellationToken cancellationToken) => throw new NotSupportedException();

    public IAsyncEnumerable<WorkflowEvent> WatchWorkflowsAsync(string labelSelector, string? resourceVersion, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task ShutdownWorkflowAsync(string name, ShutdownStrategy strategy, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task DeleteWorkflowAsync(string name, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> ReadPodLogAsync(string name, string podName, string container, LogLineSink onLine, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task CheckAccessAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<string> GetVersionAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
}
