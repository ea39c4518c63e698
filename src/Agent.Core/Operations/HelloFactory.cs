using Agent.Core.Argo;
using Agent.Core.Identity;
using Agent.Core.Link;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.Core.Runs;
using Microsoft.Extensions.Options;

namespace Agent.Core.Operations;

/// <summary>Builds the <c>hello</c> of each session, including the runs the agent knows to be active.</summary>
public sealed class HelloFactory(
    AgentIdentity identity,
    IOptions<ArgoOptions> argo,
    RequestDispatcher dispatcher,
    RunRegistry registry,
    RunInventory inventory,
    IArgoWorkflowClient argoClient,
    TimeProvider timeProvider) : IHelloProvider
{
    private string? _argoVersion;

    public const string ExecutorKind = "argo";

    /// <summary>How long the first hello waits for the run registry to be rebuilt from Argo.</summary>
    public static readonly TimeSpan InventoryWait = TimeSpan.FromSeconds(10);

    public async Task<HelloPayload> CreateAsync(CancellationToken cancellationToken)
    {
        await inventory.WaitListedAsync(InventoryWait, timeProvider, cancellationToken);
        _argoVersion ??= await TryGetArgoVersionAsync(cancellationToken);
        return Create();
    }

    /// <summary>The Argo version for <c>hello.executor</c>; an Argo Server that does not answer quickly must not delay the connection.</summary>
    private async Task<string?> TryGetArgoVersionAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            return await argoClient.GetVersionAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is ArgoException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return null;
        }
    }

    public HelloPayload Create() => new(
        identity.AgentId,
        identity.InstanceId,
        AgentIdentity.Version,
        [ProtocolVersion.Current],
        [.. dispatcher.Capabilities.Order(StringComparer.Ordinal)],
        new ExecutorInfo(ExecutorKind, argo.Value.Namespace, _argoVersion),
        [.. registry.InFlight().Select(RunStatusReporter.ToPayload)]);
}
