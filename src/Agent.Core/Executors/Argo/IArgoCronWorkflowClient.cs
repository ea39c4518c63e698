using Agent.Core.Executors.Argo.Generated.Models.Io.Argoproj.Workflow.V1alpha1;

namespace Agent.Core.Executors.Argo;

/// <summary>The CronWorkflow operations behind scheduled pipelines. Failures surface as <see cref="ArgoException"/>.</summary>
internal interface IArgoCronWorkflowClient
{
    /// <summary>The stored resource version of the cron workflow, or null when there is none of that name.</summary>
    Task<string?> GetResourceVersionAsync(string name, CancellationToken cancellationToken);

    Task CreateAsync(CronWorkflow cronWorkflow, CancellationToken cancellationToken);

    /// <summary>Replaces the stored cron workflow; <paramref name="cronWorkflow"/> must carry the current resource version.</summary>
    Task UpdateAsync(CronWorkflow cronWorkflow, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> ListNamesAsync(string labelSelector, CancellationToken cancellationToken);

    /// <summary>Suspends or resumes the schedule; an unknown name is a NotFound error.</summary>
    Task SetSuspendedAsync(string name, bool suspended, CancellationToken cancellationToken);

    /// <summary>Deletes the cron workflow; one that is already gone counts as deleted.</summary>
    Task DeleteAsync(string name, CancellationToken cancellationToken);
}
