using Agent.Core.Executors.Argo.Generated.Models.Io.Argoproj.Workflow.V1alpha1;
using Agent.Core.Executors.Argo.Wire;
using Microsoft.Extensions.Options;

namespace Agent.Core.Executors.Argo;

/// <summary>
/// <see cref="IArgoWorkflowClient"/> over the Kiota-generated client. The generated builders make every request;
/// <see cref="ArgoCall"/> sends it. Replies the agent reads are parsed with its own small models into
/// <see cref="ArgoWorkflow"/>, the one model of a workflow read back (see <see cref="WorkflowJson"/> for why), asking Argo
/// for only the fields the agent uses; replies it has no use for are not parsed at all.
/// </summary>
internal sealed partial class ArgoWorkflowClient(ArgoApiClients clients, IOptions<ArgoOptions> options, TimeProvider timeProvider) : IArgoWorkflowClient
{
    private const int PageSize = 500;

    // status.nodes is a map keyed by node id, which Argo's fields filter cannot narrow (util/fields/fields.go matches
    // literal paths), so it comes whole: a few nodes per run (one per attempt plus the exit handler).
    private const string ItemFields = "metadata.name,metadata.uid,metadata.namespace,metadata.labels,metadata.annotations,metadata.creationTimestamp,metadata.resourceVersion,spec.shutdown,status.phase,status.startedAt,status.finishedAt,status.message,status.nodes";

    private string Namespace => options.Value.Namespace;

    private Generated.Api.V1.Workflows.Item.WithNamespaceItemRequestBuilder Workflows => clients.Unary.Api.V1.Workflows[Namespace];

    public Task CreateWorkflowAsync(Workflow workflow, CancellationToken cancellationToken)
    {
        // Argo answers a create with the whole workflow, spec included. The agent learns of the run from the watch, so
        // the reply is not read: reading it into the generated models cost more than the rest of the call (bench: argo-call).
        var request = Workflows.ToPostRequestInformation(new WorkflowCreateRequest { Namespace = Namespace, Workflow = workflow });
        return ArgoCall.SendAsync(clients.UnaryAdapter, request, cancellationToken);
    }

    public async Task<ArgoWorkflow?> GetWorkflowAsync(string name, CancellationToken cancellationToken)
    {
        var request = Workflows[name].ToGetRequestInformation(config => config.QueryParameters.Fields = ItemFields);
        var workflow = await ArgoCall.NullWhenNotFoundAsync(
            ArgoCall.ReadAsync(clients.UnaryAdapter, request, ArgoJsonContext.Default.WorkflowJson, cancellationToken));
        return workflow is null ? null : WorkflowJsonMapper.ToWorkflow(workflow);
    }

    public async Task<WorkflowPage> ListWorkflowsAsync(string labelSelector, CancellationToken cancellationToken)
    {
        var workflows = new List<ArgoWorkflow>();
        string? continueToken = null;
        string? resourceVersion;
        do
        {
            var request = Workflows.ToGetRequestInformation(config =>
            {
                config.QueryParameters.ListOptionsLabelSelector = labelSelector;
                config.QueryParameters.ListOptionsLimit = PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
                config.QueryParameters.ListOptionsContinue = continueToken;
                config.QueryParameters.Fields = "metadata.resourceVersion,metadata.continue," + string.Join(',', ItemFields.Split(',').Select(field => "items." + field));
            });
            var page = await ArgoCall.ReadAsync(clients.UnaryAdapter, request, ArgoJsonContext.Default.WorkflowListJson, cancellationToken);

            // Argo sends "items": null rather than [] for an empty list.
            workflows.AddRange((page?.Items ?? []).Select(WorkflowJsonMapper.ToWorkflow));
            resourceVersion = page?.Metadata?.ResourceVersion;
            continueToken = page?.Metadata?.Continue;
        }
        while (!string.IsNullOrEmpty(continueToken));

        return new WorkflowPage(workflows, resourceVersion);
    }

    public Task CheckAccessAsync(CancellationToken cancellationToken)
    {
        var request = clients.Probe.Api.V1.Workflows[Namespace].ToGetRequestInformation(config =>
        {
            config.QueryParameters.ListOptionsLimit = "1";
            config.QueryParameters.Fields = "metadata.resourceVersion";
        });
        return ArgoCall.SendAsync(clients.ProbeAdapter, request, cancellationToken);
    }

    public async Task<string> GetVersionAsync(CancellationToken cancellationToken)
    {
        var request = clients.Unary.Api.V1.Version.ToGetRequestInformation();
        var version = await ArgoCall.ReadAsync(clients.UnaryAdapter, request, ArgoJsonContext.Default.VersionJson, cancellationToken);
        return version?.Version ?? "unknown";
    }
}
