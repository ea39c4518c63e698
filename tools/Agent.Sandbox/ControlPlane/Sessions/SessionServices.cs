using Microsoft.Extensions.Options;

namespace Agent.Sandbox.ControlPlane.Sessions;

/// <summary>The parts of the emulator a session reports to, bundled so a session is built from its socket, its agent and this.</summary>
internal sealed class SessionServices(
    IOptions<ControlPlaneOptions> options,
    TimeProvider time,
    ILogger<ControlPlaneServer> logger,
    ControlPlaneStats stats,
    FrameRecorder frames,
    SeqLedgers ledgers,
    ProtocolIncidents incidents,
    RequestBook requests,
    ReliableIntake reliable,
    SessionLifecycle lifecycle)
{
    public ControlPlaneOptions Options { get; } = options.Value;

    public TimeProvider Time { get; } = time;

    public ILogger Logger { get; } = logger;

    public ControlPlaneStats Stats { get; } = stats;

    public FrameRecorder Frames { get; } = frames;

    public SeqLedgers Ledgers { get; } = ledgers;

    public ProtocolIncidents Incidents { get; } = incidents;

    public RequestBook Requests { get; } = requests;

    public ReliableIntake Reliable { get; } = reliable;

    public SessionLifecycle Lifecycle { get; } = lifecycle;
}
