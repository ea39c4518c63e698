using Agent.Core.Identity;
using Agent.Core.Link;
using Agent.Core.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Agent.Tests.Link;

/// <summary>
/// The control-plane client wired by hand on a fake clock with only what a session needs: the outbox, the state, a
/// fake request sink and a fixed hello. Nothing executes requests and nothing reaches Argo. Each test gets its own
/// metrics registry.
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
        Metrics = new AgentMetrics(Prometheus.Metrics.NewCustomRegistry(), time);
        Outbox = new ReliableOutbox(64, time);
        State = new ConnectionState(time);
        var identity = new AgentIdentity(Options.AgentId, time);
        Services = new SessionServices(
            options, Outbox, Requests, Runs, State, identity, Metrics, new LoopProgress(time), Control, time, loggerFactory ?? NullLoggerFactory.Instance, [ServerVersions]);
        Hello = new FakeHelloProvider(identity);
        Connector = new FakeControlPlaneConnector(time);
        Backoff = new ReconnectBackoff(options, random);
    }

    /// <summary>A value no other timer in these tests uses, so its timer can be told apart.</summary>
    public static TimeSpan HandshakeTimeout { get; } = TimeSpan.FromSeconds(7);

    public TimerRecordingTimeProvider Time { get; }

    public ControlPlaneOptions Options { get; }

    public AgentMetrics Metrics { get; }

    public ReliableOutbox Outbox { get; }

    public FakeRequestSink Requests { get; } = new();

    public FakeRunsInFlight Runs { get; } = new();

    /// <summary>Every <c>welcome.serverVersion</c> the sessions handed on.</summary>
    public RecordingServerVersionListener ServerVersions { get; } = new();

    public ConnectionState State { get; }

    public SessionServices Services { get; }

    public FakeHelloProvider Hello { get; }

    public FakeControlPlaneConnector Connector { get; }

    public ReconnectBackoff Backoff { get; }

    public SessionControl Control { get; } = new();

    public ControlPlaneService CreateService() =>
        new(Connector, Services, Hello, Backoff, NullLogger<ControlPlaneService>.Instance);

    public void Dispose()
    {
        Outbox.Dispose();
        Control.Dispose();
    }
}
