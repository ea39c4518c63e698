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
    RunStatusReporter reporter)
{
    public const string ExecutorKind = "argo";

    public HelloPayload Create() => new(
        controlPlane.Value.AgentId,
        instance.InstanceId,
        AgentInstance.Version,
        [ProtocolVersion.Current],
        [.. dispatcher.Capabilities.Order(StringComparer.Ordinal)],
        new ExecutorInfo(ExecutorKind, argo.Value.Namespace, null),
        [.. registry.InFlight().Select(reporter.ToPayload)]);
}
