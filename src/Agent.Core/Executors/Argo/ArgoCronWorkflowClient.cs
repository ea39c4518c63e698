using Agent.Core.Executors.Argo.Generated.Models.Io.Argoproj.Workflow.V1alpha1;
using Agent.Core.Executors.Argo.Wire;
using Microsoft.Extensions.Options;

namespace Agent.Core.Executors.Argo;

/// <summary>
/// <see cref="IArgoCronWorkflowClient"/> over the generated client's <c>/api/v1/cron-workflows</c> builders, sent through
/// <see cref="ArgoCall"/>. Argo answers every write with the whole cron workflow, which the agent does not read; reads
/// parse only the metadata they return.
/// </summary>
internal sealed class ArgoCronWorkflowClient(ArgoApiClients clients, IOptions<ArgoOptions> options) : IArgoCronWorkflowClient
{
    private string Namespace => options.Value.Namespace;

    private Generated.Api.V1.CronWorkflows.Item.WithNamespaceItemRequestBuilder CronWorkflows => clients.Unary.Api.V1.CronWorkflows[Namespace];

    public async Task<string?> GetResourceVersionAsync(string name, CancellationToken cancellationToken)
    {
        var stored = await ArgoCall.NullWhenNotFoundAsync(
            ArgoCall.ReadAsync(clients.UnaryAdapter, CronWorkflows[name].ToGetRequestInformation(), ArgoJsonContext.Default.CronWorkflowJson, cancellationToken));
        return stored?.Metadata?.ResourceVersion;
    }

    public Task CreateAsync(CronWorkflow cronWorkflow, CancellationToken cancellationToken) => SendAsync(
        CronWorkflows.ToPostRequestInformation(new CreateCronWorkflowRequest { Namespace = Namespace, CronWorkflow = cronWorkflow }),
        cancellationToken);

    public Task UpdateAsync(CronWorkflow cronWorkflow, CancellationToken cancellationToken)
    {
        var name = cronWorkflow.Metadata?.Name ?? throw new ArgumentException("the cron workflow has no name", nameof(cronWorkflow));
        return SendAsync(
            CronWorkflows[name].ToPutRequestInformation(new UpdateCronWorkflowRequest { Name = name, Namespace = Namespace, CronWorkflow = cronWorkflow }),
            cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ListNamesAsync(string labelSelector, CancellationToken cancellationToken)
    {
        var request = CronWorkflows.ToGetRequestInformation(config => config.QueryParameters.ListOptionsLabelSelector = labelSelector);
        var list = await ArgoCall.ReadAsync(clients.UnaryAdapter, request, ArgoJsonContext.Default.CronWorkflowListJson, cancellationToken);

        // Argo sends "items": null for an empty list.
        return [.. (list?.Items ?? []).Select(item => item.Metadata?.Name).OfType<string>()];
    }

    public Task SetSuspendedAsync(string name, bool suspended, CancellationToken cancellationToken) => SendAsync(
        suspended
            ? CronWorkflows[name].Suspend.ToPutRequestInformation(new CronWorkflowSuspendRequest { Name = name, Namespace = Namespace })
            : CronWorkflows[name].Resume.ToPutRequestInformation(new CronWorkflowResumeRequest { Name = name, Namespace = Namespace }),
        cancellationToken);

    public Task DeleteAsync(string name, CancellationToken cancellationToken) =>
        ArgoCall.DoneWhenNotFoundAsync(SendAsync(CronWorkflows[name].ToDeleteRequestInformation(), cancellationToken));

    private Task SendAsync(Microsoft.Kiota.Abstractions.RequestInformation request, CancellationToken cancellationToken) =>
        ArgoCall.SendAsync(clients.UnaryAdapter, request, cancellationToken);
}
