namespace Agent.Core.Protocol.Messages;

/// <summary>The server's answer to <c>hello</c>; <see cref="AckedSeq"/> tells the agent what to resend.</summary>
internal sealed record WelcomePayload(string SessionId, int ProtocolVersion, int HeartbeatSeconds, long AckedSeq);
