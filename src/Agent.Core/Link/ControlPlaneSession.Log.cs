using Microsoft.Extensions.Logging;

namespace Agent.Core.Link;

internal sealed partial class ControlPlaneSession
{
    private static partial class Log
    {
        [LoggerMessage(EventId = AgentEventIds.Welcomed, Level = LogLevel.Information, Message = "Welcomed as session {SessionId}: server has processed up to seq {AckedSeq}; heartbeat every {HeartbeatSeconds} s; {OutboxDepth} reliable messages to resend")]
        public static partial void Welcomed(ILogger logger, string sessionId, long ackedSeq, int heartbeatSeconds, int outboxDepth);

        [LoggerMessage(EventId = AgentEventIds.BadFrame, Level = LogLevel.Warning, Message = "Control plane sent a frame that is not a valid message: {Reason}")]
        public static partial void BadFrame(ILogger logger, string reason);

        [LoggerMessage(EventId = AgentEventIds.ServerError, Level = LogLevel.Warning, Message = "Control plane reported an error: {Error}")]
        public static partial void ServerError(ILogger logger, string error);

        [LoggerMessage(EventId = AgentEventIds.PeerValueOutOfRange, Level = LogLevel.Warning, Message = "Control plane sent a value the agent cannot use as it is: {Reason}")]
        public static partial void PeerValueOutOfRange(ILogger logger, string reason);

        [LoggerMessage(EventId = AgentEventIds.SessionLoopFailed, Level = LogLevel.Error, Message = "The session's {Loop} loop failed; ending the session so a fresh one starts")]
        public static partial void LoopFailed(ILogger logger, string loop, Exception exception);
    }
}
