using Agent.Core.Executors.Argo;
using Agent.Core.Executors.Argo.Generated.Models.Io.Argoproj.Workflow.V1alpha1;

namespace Agent.Tests.Argo.Fakes;

/// <summary>A CronWorkflow API the test does not expect to be called.</summary>
internal sealed class NoCronWorkflows : IArgoCronWorkflowClient
{
    public Task<string?> GetResourceVersionAsync(string name, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task CreateAsync(CronWorkflow cronWorkflow, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task UpdateAsync(CronWorkflow cronWorkflow, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<string>> ListNamesAsync(string labelSelector, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task SetSuspendedAsync(string name, bool suspended, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task DeleteAsync(string name, CancellationToken cancellationToken) => throw new NotSupportedException();
}
