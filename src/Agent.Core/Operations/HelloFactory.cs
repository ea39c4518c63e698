using Agent.Core.Execution;
using Agent.Core.Identity;
using Agent.Core.Link;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.Core.Runs;

namespace Agent.Core.Operations;

/// <summary>Builds the <c>hello</c> of each session, including the runs the agent knows to be active.</summary>
internal sealed class HelloFactory(
    AgentIdentity identity,
    RequestDispatcher dispatcher,
    RunRegistry registry,
    RunInventory inventory,
    IRunExecutor executor,
    TimeProvider timeProvider) : IHelloProvider
{
    private string? _executorVersion;

    /// <summary>How long the first hello waits for the run registry to be rebuilt from the executor.</summary>
    public static readonly TimeSpan InventoryWait = TimeSpan.FromSeconds(10);

    public async Task<HelloPayload> CreateAsync(CancellationToken cancellationToken)
    {
        await inventory.WaitListedAsync(InventoryWait, timeProvider, cancellationToken);
        _executorVersion ??= await TryGetExecutorVersionAsync(cancellationToken);
        return Create();
    }

    /// <summary>The executor's version for <c>hello.executor</c>; an executor that does not answer quickly must not delay the connection.</summary>
    private async Task<string?> TryGetExecutorVersionAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            return await executor.GetVersionAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is ExecutorException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
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
        ExecutorInfo.For(executor.Description.Kind, executor.Description.Namespace, _executorVersion),
        [.. registry.InFlight().Select(RunStatusReporter.ToPayload)]);
}
