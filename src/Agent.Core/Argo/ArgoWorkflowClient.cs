using System.Text.Json;
using Agent.Core.Argo.Generated.Models.Io.Argoproj.Workflow.V1alpha1;
using Agent.Core.Argo.Wire;
using Microsoft.Extensions.Options;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using ArgoError = Agent.Core.Argo.Generated.Models.Grpc.Gateway.Runtime.Error;

namespace Agent.Core.Argo;

/// <summary>
/// <see cref="IArgoWorkflowClient"/> over the Kiota-generated client. Writes go through the generated builders;
/// reads send the generated request and parse the body with the agent's own small models (see
/// <see cref="WorkflowJson"/> for why), asking Argo for only the fields the agent uses.
/// </summary>
public sealed partial class ArgoWorkflowClient(ArgoApiClients clients, IOptions<ArgoOptions> options, TimeProvider timeProvider) : IArgoWorkflowClient
{
    private const int PageSize = 500;

    // status.nodes is a map keyed by node id, which Argo's fields filter cannot narrow (util/fields/fields.go matches
    // literal paths), so it comes whole: a few nodes per run (one per attempt plus the exit handler).
    private const string ItemFields = "metadata.name,metadata.uid,metadata.namespace,metadata.labels,metadata.annotations,metadata.creationTimestamp,metadata.resourceVersion,spec.shutdown,status.phase,status.startedAt,status.finishedAt,status.message,status.nodes";

    private static readonly Dictionary<string, ParsableFactory<IParsable>> ErrorMapping = new()
    {
        ["XXX"] = ArgoError.CreateFromDiscriminatorValue,
    };

    private string Namespace => options.Value.Namespace;

    public async Task<ArgoWorkflow> CreateWorkflowAsync(Workflow workflow, CancellationToken cancellationToken)
    {
        // Argo answers a create with the whole workflow, spec included. Reading that into the generated models
        // cost more than the rest of the call (bench: argo-call), so the reply is read with the small model.
        var request = clients.Unary.Api.V1.Workflows[Namespace].ToPostRequestInformation(
            new WorkflowCreateRequest { Namespace = Namespace, Workflow = workflow });
        await using var body = await SendForStreamAsync(clients.UnaryAdapter, request, cancellationToken);
        var created = await JsonSerializer.DeserializeAsync(body, ArgoJsonContext.Default.WorkflowJson, cancellationToken);
        return created is null
            ? new ArgoWorkflow(workflow.Metadata?.Name ?? string.Empty, Namespace, new Dictionary<string, string>(),
                new Dictionary<string, string>(), string.Empty, null, null, null, null, null, null)
            : WorkflowJsonMapper.ToWorkflow(created);
    }

    public async Task<ArgoWorkflow?> GetWorkflowAsync(string name, CancellationToken cancellationToken)
    {
        var request = clients.Unary.Api.V1.Workflows[Namespace][name].ToGetRequestInformation(config => config.QueryParameters.Fields = ItemFields);
        try
        {
            await using var body = await SendForStreamAsync(clients.UnaryAdapter, request, cancellationToken);
            var workflow = await JsonSerializer.DeserializeAsync(body, ArgoJsonContext.Default.WorkflowJson, cancellationToken);
            return workflow is null ? null : WorkflowJsonMapper.ToWorkflow(workflow);
        }
        catch (ArgoException ex) when (ex.Kind == ArgoErrorKind.NotFound)
        {
            return null;
        }
    }

    public async Task<WorkflowPage> ListWorkflowsAsync(string labelSelector, CancellationToken cancellationToken)
    {
        var workflows = new List<ArgoWorkflow>();
        string? continueToken = null;
        string? resourceVersion;
        do
        {
            var request = clients.Unary.Api.V1.Workflows[Namespace].ToGetRequestInformation(config =>
            {
                config.QueryParameters.ListOptionsLabelSelector = labelSelector;
                config.QueryParameters.ListOptionsLimit = PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
                config.QueryParameters.ListOptionsContinue = continueToken;
                config.QueryParameters.Fields = "metadata.resourceVersion,metadata.continue," + string.Join(',', ItemFields.Split(',').Select(field => "items." + field));
            });
            await using var body = await SendForStreamAsync(clients.UnaryAdapter, request, cancellationToken);
            var page = await JsonSerializer.DeserializeAsync(body, ArgoJsonContext.Default.WorkflowListJson, cancellationToken);

            // Argo sends "items": null rather than [] for an empty list.
            workflows.AddRange((page?.Items ?? []).Select(WorkflowJsonMapper.ToWorkflow));
            resourceVersion = page?.Metadata?.ResourceVersion;
            continueToken = page?.Metadata?.Continue;
        }
        while (!string.IsNullOrEmpty(continueToken));

        return new WorkflowPage(workflows, resourceVersion);
    }

    public async Task CheckAccessAsync(CancellationToken cancellationToken)
    {
        var request = clients.Probe.Api.V1.Workflows[Namespace].ToGetRequestInformation(config =>
        {
            config.QueryParameters.ListOptionsLimit = "1";
            config.QueryParameters.Fields = "metadata.resourceVersion";
        });
        await using var body = await SendForStreamAsync(clients.ProbeAdapter, request, cancellationToken);
    }

    public async Task<string> GetVersionAsync(CancellationToken cancellationToken)
    {
        try
        {
            var version = await clients.Unary.Api.V1.Version.GetAsync(cancellationToken: cancellationToken);
            return version?.Version ?? "unknown";
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw ArgoErrorMapper.Map(ex);
        }
    }

    private static ArgoException Map(Exception exception) => ArgoErrorMapper.Map(exception);

    private static async Task<Stream> SendForStreamAsync(IRequestAdapter adapter, RequestInformation request, CancellationToken cancellationToken)
    {
        try
        {
            return await adapter.SendPrimitiveAsync<Stream>(request, ErrorMapping, cancellationToken)
                ?? throw new ArgoException(ArgoErrorKind.Other, "Argo answered with an empty body");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw ArgoErrorMapper.Map(ex);
        }
    }
}
