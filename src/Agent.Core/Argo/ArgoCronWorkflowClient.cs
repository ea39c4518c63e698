using Agent.Core.Argo.Generated.Models.Io.Argoproj.Workflow.V1alpha1;
using Microsoft.Extensions.Options;

namespace Agent.Core.Argo;

/// <summary><see cref="IArgoCronWorkflowClient"/> over the generated client's <c>/api/v1/cron-workflows</c> builders.</summary>
public sealed class ArgoCronWorkflowClient(ArgoApiClients clients, IOptions<ArgoOptions> options) : IArgoCronWorkflowClient
{
    private string Namespace => options.Value.Namespace;

    private Generated.Api.V1.CronWorkflows.Item.WithNamespaceItemRequestBuilder CronWorkflows => clients.Unary.Api.V1.CronWorkflows[Namespace];

    public Task<string?> GetResourceVersionAsync(string name, CancellationToken cancellationToken) => CallAsync(async () =>
    {
        try
        {
            var existing = await CronWorkflows[name].GetAsync(cancellationToken: cancellationToken);
            return existing?.Metadata?.ResourceVersion;
        }
        catch (Exception ex) when (ArgoErrorMapper.Map(ex).Kind == ArgoErrorKind.NotFound)
        {
            return null;
        }
    }, cancellationToken);

    public Task CreateAsync(CronWorkflow cronWorkflow, CancellationToken cancellationToken) => CallAsync(
        () => CronWorkflows.PostAsync(new CreateCronWorkflowRequest { Namespace = Namespace, CronWorkflow = cronWorkflow }, cancellationToken: cancellationToken),
        cancellationToken);

    public Task UpdateAsync(CronWorkflow cronWorkflow, CancellationToken cancellationToken)
    {
        var name = cronWorkflow.Metadata?.Name ?? throw new ArgumentException("the cron workflow has no name", nameof(cronWorkflow));
        return CallAsync(
            () => CronWorkflows[name].PutAsync(new UpdateCronWorkflowRequest { Name = name, Namespace = Namespace, CronWorkflow = cronWorkflow }, cancellationToken: cancellationToken),
            cancellationToken);
    }

    public Task<IReadOnlyList<string>> ListNamesAsync(string labelSelector, CancellationToken cancellationToken) => CallAsync<IReadOnlyList<string>>(async () =>
    {
        var list = await CronWorkflows.GetAsync(config => config.QueryParameters.ListOptionsLabelSelector = labelSelector, cancellationToken);

        // Argo sends "items": null for an empty list, which the generated model reads as a null list.
        return [.. (list?.Items ?? []).Select(item => item.Metadata?.Name).OfType<string>()];
    }, cancellationToken);

    public Task SetSuspendedAsync(string name, bool suspended, CancellationToken cancellationToken) => CallAsync(
        () => suspended
            ? CronWorkflows[name].Suspend.PutAsync(new CronWorkflowSuspendRequest { Name = name, Namespace = Namespace }, cancellationToken: cancellationToken)
            : CronWorkflows[name].Resume.PutAsync(new CronWorkflowResumeRequest { Name = name, Namespace = Namespace }, cancellationToken: cancellationToken),
        cancellationToken);

    public async Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            await CallAsync(() => CronWorkflows[name].DeleteAsync(cancellationToken: cancellationToken), cancellationToken);
        }
        catch (ArgoException ex) when (ex.Kind == ArgoErrorKind.NotFound)
        {
            // Deleting what is gone is success (protocol §5).
        }
    }

    private static async Task<T> CallAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw ArgoErrorMapper.Map(ex);
        }
    }

    private static async Task CallAsync(Func<Task> call, CancellationToken cancellationToken)
    {
        try
        {
            await call();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw ArgoErrorMapper.Map(ex);
        }
    }
}
