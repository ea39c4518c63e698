using Agent.Core.Argo;
using Agent.Core.Argo.Generated.Models.Io.Argoproj.Workflow.V1alpha1;

namespace Agent.Tests.Link;

/// <summary>An Argo Server that is never there: every call fails at once as unreachable, so nothing waits on it.</summary>
internal sealed class UnreachableArgoClient : IArgoWorkflowClient
{
    public Task<ArgoWorkflow> CreateWorkflowAsync(Workflow workflow, CancellationToken cancellationToken) => throw Unreachable();

    public Task<ArgoWorkflow?> GetWorkflowAsync(string name, CancellationToken cancellationToken) => throw Unreachable();

    public Task<WorkflowPage> ListWorkflowsAsync(string labelSelector, CancellationToken cancellationToken) => throw Unreachable();

    public IAsyncEnumerable<WorkflowEvent> WatchWorkflowsAsync(string labelSelector, string? resourceVersion, CancellationToken cancellationToken) => throw Unreachable();

    public Task ShutdownWorkflowAsync(string name, ShutdownStrategy strategy, CancellationToken cancellationToken) => throw Unreachable();

    public Task DeleteWorkflowAsync(string name, CancellationToken cancellationToken) => throw Unreachable();

    public Task<bool> ReadPodLogAsync(string name, string podName, string container, LogLineSink onLine, CancellationToken cancellationToken) => throw Unreachable();

    public Task CheckAccessAsync(CancellationToken cancellationToken) => throw Unreachable();

    public Task<string> GetVersionAsync(CancellationToken cancellationToken) => throw Unreachable();

    private static ArgoException Unreachable() => new(ArgoErrorKind.Unavailable, "no Argo Server in unit tests");
}
