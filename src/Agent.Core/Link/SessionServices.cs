using Agent.Core.Metrics;
using Agent.Core.Operations;
using Agent.Core.Runs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Agent.Core.Link;

/// <summary>What every session shares with the ones before and after it: the outbox, the dispatcher, the state.</summary>
public sealed class SessionServices(
    IOptions<ControlPlaneOptions> options,
    ReliableOutbox outbox,
    RequestDispatcher dispatcher,
    RunRegistry runs,
    ConnectionState state,
    AgentInstance instance,
    AgentMetrics metrics,
    LoopProgress progress,
    SessionControl control,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory)
{
    public ControlPlaneOptions Options => options.Value;

    public ReliableOutbox Outbox => outbox;

    public RequestDispatcher Dispatcher => dispatcher;

    public ConnectionState State => state;

    /// <summary>The runs the agent tracks; heartbeats report how many are still active.</summary>
    public RunRegistry Runs => runs;

    public AgentInstance Instance => instance;

    public AgentMetrics Metrics => metrics;

    public TimeProvider TimeProvider => timeProvider;

    public LoopProgress Progress => progress;

    public SessionControl Control => control;

    public ILogger Logger { get; } = loggerFactory.CreateLogger("Agent.Core.Link.ControlPlaneSession");
}
