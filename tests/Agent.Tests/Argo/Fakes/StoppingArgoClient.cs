using Agent.Core.Execution;
using System.Collections.Concurrent;
using Agent.Core.Executors.Argo;
using Agent.Core.Executors.Argo.Generated.Models.Io.Argoproj.Workflow.V1alpha1;

namespace Agent.Tests.Argo.Fakes;

/// <summary>
/// An Argo with a fixed set of active runs whose stop or read fails for the workflows named in
/// <see cref="StopFailures"/> / <see cref="ReadFailures"/>; it records every shutdown asked of it.
/// </summary>
internal sealed class StoppingArgoClient(params ArgoWorkflow[] workflows) : IArgoWorkflowClient
{
    public Dictionary<string, Exception> StopFailures { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Exception> ReadFailures { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<(string Name, ShutdownStrategy Strategy)> Shutdowns { get; } = new();

    public static ArgoWorkflow Active(string name, string runId) => new(
        name,
        FakeArgoHttpHandler.Namespace,
        new Dictionary<string, string> { [WorkflowLabels.AgentId] = FakeArgo.AgentId, [WorkflowLabels.RunId] = runId },
        new Dictionary<string, string> { [WorkflowLabels.RunIdAnnotation] = runId, [WorkflowLabels.PipelineFqnAnnotation] = FakeArgo.PipelineFqn },
        "Running",
        DateTimeOffset.UnixEpoch,
        DateTimeOffset.UnixEpoch,
        null,
        null,
        null,
        "1");

    public Task<WorkflowPage> ListWorkflowsAsync(string labelSelector, CancellationToken cancellationToken) =>
        Task.FromResult(new WorkflowPage([.. workflows], "1"));

    public Task ShutdownWorkflowAsync(string name, ShutdownStrategy strategy, CancellationToken cancellationToken)
    {
        Shutdowns.Enqueue((name, strategy));
        return StopFailures.TryGetValue(name, out var failure) ? Task.FromException(failure) : Task.CompletedTask;
    }

    public Task<ArgoWorkflow?> GetWorkflowAsync(string name, CancellationToken cancellationToken) =>
        ReadFailures.TryGetValue(name, out var failure)
            ? Task.FromException<ArgoWorkflow?>(failure)
            : Task.FromResult(workflows.FirstOrDefault(workflow => workflow.Name == name));

    public Task CreateWorkflowAsync(Workflow workflow, CancellationToken cancellationToken) => throw new NotSupportedException();

    public IAsyncEnumerable<WorkflowEvent> WatchWorkflowsAsync(string labelSelector, string? resourceVersion, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task DeleteWorkflowAsync(string name, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> ReadPodLogAsync(string name, string podName, string container, LogLineSink onLine, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task CheckAccessAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<string> GetVersionAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
}
