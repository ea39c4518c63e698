using Agent.Gateway.Hosting;

namespace Agent.Gateway.Agents;

/// <summary>The agent hub's log lines. Tokens and payloads are never logged.</summary>
internal static partial class AgentHubLog
{
    [LoggerMessage(EventId = GatewayEventIds.SessionRefused, Level = LogLevel.Warning, Message = "Agent {AgentId} refused with close code {Code}: {Reason}")]
    public static partial void SessionRefused(ILogger logger, string agentId, int code, string reason);

    [LoggerMessage(EventId = GatewayEventIds.SessionWelcomed, Level = LogLevel.Information,
        Message = "Agent {AgentId} connected: session {SessionId}, instance {InstanceId}, version {AgentVersion}, acked seq {AckedSeq}")]
    public static partial void SessionWelcomed(ILogger logger, string agentId, string sessionId, string instanceId, string agentVersion, long ackedSeq);

    [LoggerMessage(EventId = GatewayEventIds.SessionEnded, Level = LogLevel.Information, Message = "Agent {AgentId} session {SessionId} ended: {How}")]
    public static partial void SessionEnded(ILogger logger, string agentId, string sessionId, string how);

    [LoggerMessage(EventId = GatewayEventIds.BadFrame, Level = LogLevel.Warning, Message = "Agent {AgentId} sent a frame that is not a message: {Reason}")]
    public static partial void BadFrame(ILogger logger, string agentId, string reason);

    [LoggerMessage(EventId = GatewayEventIds.AgentError, Level = LogLevel.Warning, Message = "Agent {AgentId} reported an error: {Reason}")]
    public static partial void AgentError(ILogger logger, string agentId, string reason);

    [LoggerMessage(EventId = GatewayEventIds.UnexpectedMessage, Level = LogLevel.Debug, Message = "Agent {AgentId} sent a {Type} message, which the gateway does not expect; ignored")]
    public static partial void UnexpectedMessage(ILogger logger, string agentId, string type);

    [LoggerMessage(EventId = GatewayEventIds.ResultWithoutRequest, Level = LogLevel.Information,
        Message = "Agent {AgentId} answered request {ReplyTo}, which no longer waits (it timed out or was answered)")]
    public static partial void ResultWithoutRequest(ILogger logger, string agentId, string replyTo);

    [LoggerMessage(EventId = GatewayEventIds.WelcomedHandlerFailed, Level = LogLevel.Error, Message = "Work started by agent {AgentId}'s arrival failed")]
    public static partial void WelcomedHandlerFailed(ILogger logger, string agentId, Exception exception);

    [LoggerMessage(EventId = GatewayEventIds.SessionFailed, Level = LogLevel.Error, Message = "Agent {AgentId} session {SessionId} failed")]
    public static partial void SessionFailed(ILogger logger, string agentId, string sessionId, Exception exception);

    [LoggerMessage(EventId = GatewayEventIds.RequestTimedOut, Level = LogLevel.Warning, Message = "Agent {AgentId} did not answer {Type} within {WaitSeconds} s")]
    public static partial void RequestTimedOut(ILogger logger, string agentId, string type, double waitSeconds);

    [LoggerMessage(EventId = GatewayEventIds.PresenceRefreshFailed, Level = LogLevel.Warning, Message = "Presence claims of replica {ReplicaId} could not be refreshed")]
    public static partial void PresenceRefreshFailed(ILogger logger, Exception exception, string replicaId);

    [LoggerMessage(EventId = GatewayEventIds.PresenceLost, Level = LogLevel.Warning, Message = "Agent {AgentId} session {SessionId} closed: another replica took over its stale presence claim")]
    public static partial void PresenceLost(ILogger logger, string agentId, string sessionId);
}
