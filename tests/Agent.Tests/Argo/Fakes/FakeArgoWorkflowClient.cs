using Agent.Core.Argo;
using Agent.Core.Argo.Generated.Models.Io.Argoproj.Workflow.V1alpha1;

namespace Agent.Tests.Argo.Fakes;

/// <summary>An Argo holding a fixed set of workflows, listed by the pipeline label the agent selects on; nothing else.</summary>
internal sealed class FakeArgoWorkflowClient(params ArgoWorkflow[] workflows) : IArgoWorkflowClient
{
    public Task<WorkflowPage> ListWorkflowsAsync(string labelSelector, CancellationToken cancellationToken)
    {
        var pipeline = labelSelector.Split(',').Single(term => term.StartsWith(WorkflowLabels.Pipeline + "=", StringComparison.Ordinal));
        var matching = workflows.Where(workflow => $"{WorkflowLabels.Pipeline}={workflow.Label(WorkflowLabels.Pipeline)}" == pipeline).ToList();
        return Task.FromResult(new WorkflowPage(matching, "1"));
    }

    public Task<ArgoWorkflow> CreateWorkflowAsync(Workflow workflow, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ArgoWorkflow?> GetWorkflowAsync(string name, CancellationToken cancellationToken) => throw new NotSupportedException();

    public IAsyncEnumerable<WorkflowEvent> WatchWorkflowsAsync(string labelSelector, string? resourceVersion, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task ShutdownWorkflowAsync(string name, ShutdownStrategy strategy, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task DeleteWorkflowAsync(string name, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> ReadPodLogAsync(string name, string podName, string container, LogLineSink onLine, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task CheckAccessAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<string> GetVersionAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
}
