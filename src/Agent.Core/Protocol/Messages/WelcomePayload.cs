namespace Agent.Core.Protocol.Messages;

/// <summary>
/// The server's answer to <c>hello</c>; <see cref="AckedSeq"/> tells the agent what to resend. <see cref="ServerVersion"/>
/// (an addition, optional) is the OpenMetadata server's release, which <c>DYNAMIC_INGESTION_VERSION_ENABLED</c> matches
/// the ingestion image to; agents before it ignore the field, as they ignore every unknown one.
/// </summary>
internal sealed record WelcomePayload(string SessionId, int ProtocolVersion, int HeartbeatSeconds, long AckedSeq, string? ServerVersion = null);
