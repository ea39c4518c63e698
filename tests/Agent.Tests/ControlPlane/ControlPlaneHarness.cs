using Agent.Core.Argo;
using Agent.Core.ControlPlane;
using Agent.Core.Metrics;
using Agent.Core.Operations;
using Agent.Core.Runs;
using Agent.Tests.Argo.Fakes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Agent.Tests.ControlPlane;

/// <summary>
/// The control-plane client wired by hand on a fake clock with no operation handlers: enough for the session and
/// the reconnect loop, nothing that reaches Argo. Each test gets its own metrics registry.
/// </summary>
internal sealed class ControlPlaneHarness : IDisposable
{
    public ControlPlaneHarness(TimerRecordingTimeProvider time, Random random, int reconnectDelaySeconds = 60, ILoggerFactory? loggerFactory = null)
    {
        Time = time;
        Options = new ControlPlaneOptions
        {
            AgentId = "unit-agent",
            ServerUrl = "ws://127.0.0.1:9",
            AuthToken = "token",
            ReconnectDelaySeconds = reconnectDelaySeconds,
            HandshakeTimeout = HandshakeTimeout,
        };
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        var metrics = new AgentMetrics(Prometheus.Metrics.NewCustomRegistry(), time);
        Outbox = new ReliableOutbox(64, time);
        Dispatcher = new RequestDispatcher([], Outbox, new ResultCache(time), options, metrics, time, NullLogger<RequestDispatcher>.Instance);
        State = new ConnectionState(time);
        var instance = new AgentInstance(time);
        var registry = new RunRegistry();
        Services = new SessionServices(
            options, Outbox, Dispatcher, registry, State, instance, metrics, new LoopProgress(time), Control, time, loggerFactory ?? NullLoggerFactory.Instance);

        // The registry counts as rebuilt from the start: the first hello must not wait on the fake clock for Argo.
        var inventory = new RunInventory();
        inventory.MarkListed();
        var executor = ArgoExecutors.Over(new UnreachableArgoClient(), Options.AgentId, options: new ArgoOptions { Namespace = "ingestion" });
        Hello = new HelloFactory(options, instance, Dispatcher, registry, inventory, executor, time);
        Connector = new FakeControlPlaneConnector(time);
        Backoff = new ReconnectBackoff(options, random);
    }

    /// <summary>A value no other timer in these tests uses, so its timer can be told apart.</summary>
    public static TimeSpan HandshakeTimeout { get; } = TimeSpan.FromSeconds(7);

    public TimerRecordingTimeProvider Time { get; }

    public ControlPlaneOptions Options { get; }

    public ReliableOutbox Outbox { get; }

    public RequestDispatcher Dispatcher { get; }

    public ConnectionState State { get; }

    public SessionServices Services { get; }

    public HelloFactory Hello { get; }

    public FakeControlPlaneConnector Connector { get; }

    public ReconnectBackoff Backoff { get; }

    public SessionControl Control { get; } = new();

    public ControlPlaneService CreateService() =>
        new(Connector, Services, Hello, Backoff, NullLogger<ControlPlaneService>.Instance);

    public void Dispose()
    {
        Dispatcher.Dispose();
        Outbox.Dispose();
        Control.Dispose();
    }
}
