using Agent.Core.Argo;
using Agent.Core.Operations;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.Core.Runs;
using Microsoft.Extensions.Options;

namespace Agent.Core.ControlPlane;

/// <summary>Builds the <c>hello</c> of each session, including the runs the agent knows to be active.</summary>
public sealed class HelloFactory(
    IOptions<ControlPlaneOptions> controlPlane,
    IOptions<ArgoOptions> argo,
    AgentInstance instance,
    RequestDispatcher dispatcher,
    RunRegistry registry,
    RunInventory inventory,
    RunStatusReporter reporter,
    TimeProvider timeProvider)
{
    public const string ExecutorKind = "argo";

    /// <summary>How long the first hello waits for the run registry to be rebuilt from Argo.</summary>
    public static readonly TimeSpan InventoryWait = TimeSpan.FromSeconds(10);

    public async Task<HelloPayload> CreateAsync(CancellationToken cancellationToken)
    {
        await inventory.WaitListedAsync(InventoryWait, timeProvider, cancellationToken);
        return Create();
    }

    public HelloPayload Create() => new(
        controlPlane.Value.AgentId,
        instance.InstanceId,
        AgentInstance.Version,
        [ProtocolVersion.Current],
        [.. dispatcher.Capabilities.Order(StringComparer.Ordinal)],
        new ExecutorInfo(ExecutorKind, argo.Value.Namespace, null),
        [.. registry.InFlight().Select(reporter.ToPayload)]);
}
