
namespace Agent.Sandbox.ControlPlane;

/// <summary>
/// Log messages of the control-plane emulator. Their event ids are listed in <see cref="SandboxEventIds"/>.
/// </summary>
internal static partial class ControlPlaneLog
{
    [LoggerMessage(SandboxEventIds.AgentWelcomed, LogLevel.Information, "Agent {AgentId} connected: session {SessionId}, instance {InstanceId}, version {AgentVersion}")]
    public static partial void AgentWelcomed(ILogger logger, string agentId, string sessionId, string instanceId, string agentVersion);

    [LoggerMessage(SandboxEventIds.SessionEnded, LogLevel.Information, "Agent {AgentId} session {SessionId} ended")]
    public static partial void SessionEnded(ILogger logger, string agentId, string sessionId);

    [LoggerMessage(SandboxEventIds.ConnectionRejected, LogLevel.Warning, "Connection for agent {AgentId} rejected with close code {CloseCode}: {Reason}")]
    public static partial void ConnectionRejected(ILogger logger, string agentId, int closeCode, string reason);

    [LoggerMessage(SandboxEventIds.ProtocolViolation, LogLevel.Warning, "Protocol violation by agent {AgentId}: {Reason}")]
    public static partial void Violation(ILogger logger, string agentId, string reason);

    [LoggerMessage(SandboxEventIds.AgentError, LogLevel.Warning, "Agent {AgentId} sent an error: {Reason}")]
    public static partial void AgentError(ILogger logger, string agentId, string? reason);

    [LoggerMessage(SandboxEventIds.RequestSent, LogLevel.Debug, "Request {RequestId} ({RequestType}) sent to agent {AgentId} in session {SessionId}")]
    public static partial void RequestSent(ILogger logger, string requestId, string requestType, string agentId, string sessionId);

    [LoggerMessage(SandboxEventIds.DuplicateAnswer, LogLevel.Warning, "Duplicate answer to request {RequestId} from agent {AgentId}")]
    public static partial void DuplicateAnswer(ILogger logger, string requestId, string agentId);

    [LoggerMessage(SandboxEventIds.Misbehaviour, LogLevel.Information, "Misbehaviour for agent {AgentId}: {Action}")]
    public static partial void Misbehaviour(ILogger logger, string agentId, string action);

    [LoggerMessage(SandboxEventIds.SocketLost, LogLevel.Debug, "Session {SessionId} of agent {AgentId} lost its socket")]
    public static partial void SocketLost(ILogger logger, string sessionId, string agentId, Exception exception);

    [LoggerMessage(SandboxEventIds.UnknownMessageType, LogLevel.Debug, "Agent {AgentId} sent message type {MessageType}, which the emulator ignores")]
    public static partial void UnknownMessageType(ILogger logger, string agentId, string messageType);
}
