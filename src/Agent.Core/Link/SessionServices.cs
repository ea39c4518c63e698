using Agent.Core.Identity;
using Agent.Core.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Agent.Core.Link;

/// <summary>What every session shares with the ones before and after it: the outbox, the request sink, the state.</summary>
internal sealed class SessionServices(
    IOptions<ControlPlaneOptions> options,
    ReliableOutbox outbox,
    IRequestSink requests,
    IRunsInFlight runs,
    ConnectionState state,
    AgentIdentity identity,
    AgentMetrics metrics,
    LoopProgress progress,
    SessionControl control,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory,
    IEnumerable<IServerVersionListener> serverVersionListeners)
{
    public ControlPlaneOptions Options => options.Value;

    public ReliableOutbox Outbox => outbox;

    /// <summary>Where requests go; shutdown drains it.</summary>
    public IRequestSink Requests => requests;

    public ConnectionState State => state;

    /// <summary>The runs still active, which heartbeats report.</summary>
    public IRunsInFlight Runs => runs;

    public AgentIdentity Identity => identity;

    public AgentMetrics Metrics => metrics;

    public TimeProvider TimeProvider => timeProvider;

    public LoopProgress Progress => progress;

    public SessionControl Control => control;

    /// <summary>Who hears <c>welcome.serverVersion</c>; none unless the composition adds one.</summary>
    public IReadOnlyList<IServerVersionListener> ServerVersionListeners { get; } = [.. serverVersionListeners];

    public ILogger Logger { get; } = loggerFactory.CreateLogger("Agent.Core.Link.ControlPlaneSession");
}
