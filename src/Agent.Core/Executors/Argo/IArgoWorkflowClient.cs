using Agent.Core.Executors.Argo.Generated.Models.Io.Argoproj.Workflow.V1alpha1;

namespace Agent.Core.Executors.Argo;

/// <summary>
/// The Argo Server operations the agent uses, in the agent's own terms. The Kiota request builders stay behind
/// this interface so mapping code and tests never touch them. Failures surface as <see cref="ArgoException"/>.
/// </summary>
internal interface IArgoWorkflowClient
{
    /// <summary>Creates the workflow; a workflow of the same name existing already is an <see cref="ArgoErrorKind.AlreadyExists"/> error.</summary>
    Task CreateWorkflowAsync(Workflow workflow, CancellationToken cancellationToken);

    /// <summary>Returns the workflow, or null when Argo has none of that name.</summary>
    Task<ArgoWorkflow?> GetWorkflowAsync(string name, CancellationToken cancellationToken);

    /// <summary>Lists every workflow matching the selector, following pages, with the list's resource version.</summary>
    Task<WorkflowPage> ListWorkflowsAsync(string labelSelector, CancellationToken cancellationToken);

    /// <summary>Streams changes of matching workflows from <paramref name="resourceVersion"/> (all current ones first when null).</summary>
    IAsyncEnumerable<WorkflowEvent> WatchWorkflowsAsync(string labelSelector, string? resourceVersion, CancellationToken cancellationToken);

    /// <summary>Stops (exit handlers run) or terminates (they do not) a workflow; an unknown one is NotFound.</summary>
    Task ShutdownWorkflowAsync(string name, ShutdownStrategy strategy, CancellationToken cancellationToken);

    /// <summary>Deletes a workflow; one that is already gone counts as deleted.</summary>
    Task DeleteWorkflowAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// Streams one container of one pod of the workflow to <paramref name="onLine"/>, line by line as Argo sends them
    /// (only while the pod exists), until the log ends or the sink returns false; true when the sink stopped it.
    /// </summary>
    Task<bool> ReadPodLogAsync(string name, string podName, string container, LogLineSink onLine, CancellationToken cancellationToken);

    /// <summary>
    /// Proves the token and its permissions work with one call that reaches Kubernetes (a one-item list);
    /// <c>/version</c> cannot, since the Argo Server answers it without checking the token (Argo notes §2.5).
    /// A probe: one attempt on its own HTTP client, never retried and never counted by the operations' circuit breaker.
    /// </summary>
    Task CheckAccessAsync(CancellationToken cancellationToken);

    /// <summary>The Argo Server's version string, e.g. <c>v4.1.2</c>.</summary>
    Task<string> GetVersionAsync(CancellationToken cancellationToken);
}
