using Microsoft.Extensions.Logging;

namespace Agent.Core.Link;

internal sealed partial class ControlPlaneService
{
    private static partial class Log
    {
        [LoggerMessage(EventId = AgentEventIds.SessionEnded, Level = LogLevel.Warning, Message = "Control-plane session ended after {DurationSeconds:0.0} s: {Reason}")]
        public static partial void SessionEnded(ILogger logger, string reason, double durationSeconds);

        [LoggerMessage(EventId = AgentEventIds.Reconnecting, Level = LogLevel.Information, Message = "Reconnecting to the control plane in {DelaySeconds:0.00} s (attempt {Attempt})")]
        public static partial void Reconnecting(ILogger logger, double delaySeconds, int attempt);

        [LoggerMessage(EventId = AgentEventIds.Standby, Level = LogLevel.Warning, Message = "Standby: {Reason}. Retrying at the longest backoff; this agent takes over when the other one goes away")]
        public static partial void Standby(ILogger logger, string reason);

        [LoggerMessage(EventId = AgentEventIds.ConnectionRefused, Level = LogLevel.Error, Message = "Control plane refused the agent with close code {CloseCode}: {Reason}. Retrying at the longest backoff")]
        public static partial void Refused(ILogger logger, int closeCode, string reason);

        [LoggerMessage(EventId = AgentEventIds.Draining, Level = LogLevel.Information, Message = "Shutting down: taking no new requests; waiting up to {GraceSeconds} s for {InFlight} operations and {OutboxDepth} unacknowledged messages")]
        public static partial void Draining(ILogger logger, int inFlight, int outboxDepth, int graceSeconds);

        [LoggerMessage(EventId = AgentEventIds.HandingBack, Level = LogLevel.Warning, Message = "Shutdown grace ran out: handing back {InFlight} operations to the control plane (answered 503)")]
        public static partial void HandingBack(ILogger logger, int inFlight);

        [LoggerMessage(EventId = AgentEventIds.DrainIncomplete, Level = LogLevel.Warning, Message = "Shutdown grace ran out with {InFlight} operations in flight and {OutboxDepth} messages unacknowledged")]
        public static partial void DrainIncomplete(ILogger logger, int inFlight, int outboxDepth);

        [LoggerMessage(EventId = AgentEventIds.BackoffCut, Level = LogLevel.Information, Message = "Reconnect requested by an operator: dialling the control plane now instead of in {SkippedSeconds:0.0} s (last close code {CloseCode})")]
        public static partial void BackoffCut(ILogger logger, double skippedSeconds, int closeCode);

        [LoggerMessage(EventId = AgentEventIds.ConnectFailed, Level = LogLevel.Warning, Message = "Could not connect to {ServerUrl}: {Cause}")]
        public static partial void ConnectFailed(ILogger logger, Exception? exception, string serverUrl, string cause);

        [LoggerMessage(EventId = AgentEventIds.SessionFailed, Level = LogLevel.Error, Message = "Control-plane session failed with an unexpected error; reconnecting")]
        public static partial void SessionFailed(ILogger logger, Exception exception);
    }
}
