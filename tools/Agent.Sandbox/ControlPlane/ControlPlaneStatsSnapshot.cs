namespace Agent.Sandbox.ControlPlane;

/// <summary>The counters at one moment (<c>GET /sandbox/stats</c>).</summary>
/// <param name="SessionsOpened">Sessions that passed the auth checks (a session is one accepted socket).</param>
/// <param name="SessionsRejected">Sockets closed with 4001/4002/4004 or a refusal before any hello.</param>
/// <param name="Duplicates">Reliable messages whose seq had already been processed for that instance.</param>
/// <param name="DuplicateAnswers">Results beyond the one expected per request send (exactly-once breaches).</param>
/// <param name="ProtocolViolations">Seq gaps, bad payloads, results for unknown requests and the like.</param>
/// <param name="ErrorsReceived"><c>error</c> messages sent by agents.</param>
/// <param name="StatusesReceived"><c>run.status</c> messages recorded (duplicates excluded).</param>
/// <param name="ResultsReceived"><c>result</c> messages recorded (duplicate seqs excluded, duplicate answers included).</param>
/// <param name="HeartbeatsReceived"><c>heartbeat</c> messages received.</param>
/// <param name="RequestsSent">Request envelopes written to a session, re-sends included.</param>
/// <param name="FramesSuppressed">Frames not sent because the agent's link was silenced.</param>
internal sealed record ControlPlaneStatsSnapshot(
    long SessionsOpened,
    long SessionsRejected,
    long Duplicates,
    long DuplicateAnswers,
    long ProtocolViolations,
    long ErrorsReceived,
    long StatusesReceived,
    long ResultsReceived,
    long HeartbeatsReceived,
    long RequestsSent,
    long FramesSuppressed);
