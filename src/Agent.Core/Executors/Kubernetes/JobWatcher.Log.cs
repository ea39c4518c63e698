using Microsoft.Extensions.Logging;

namespace Agent.Core.Executors.Kubernetes;

internal sealed partial class JobWatcher
{
    private static partial class Log
    {
        [LoggerMessage(EventId = AgentEventIds.JobsListed, Level = LogLevel.Debug, Message = "Listed {Count} jobs of this agent at resource version {ResourceVersion}")]
        public static partial void Listed(ILogger logger, int count, string? resourceVersion);

        [LoggerMessage(EventId = AgentEventIds.JobWatchExpired, Level = LogLevel.Information, Message = "The Kubernetes watch expired (410): listing again")]
        public static partial void WatchExpired(ILogger logger);

        [LoggerMessage(EventId = AgentEventIds.JobWatchFailed, Level = LogLevel.Warning, Message = "Watching Kubernetes jobs failed: {Cause}; listing again in {DelaySeconds:0.0} s")]
        public static partial void WatchFailed(ILogger logger, Exception? exception, string cause, double delaySeconds);

        [LoggerMessage(EventId = AgentEventIds.JobWatchEndedAtOnce, Level = LogLevel.Warning, Message = "The Kubernetes watch ended at once without an event; listing again in {DelaySeconds:0.0} s")]
        public static partial void WatchEndedAtOnce(ILogger logger, double delaySeconds);

        [LoggerMessage(EventId = AgentEventIds.ActiveJobDeleted, Level = LogLevel.Warning, Message = "The job {JobName} of active run {RunId} was deleted; its final status is sent and the run forgotten")]
        public static partial void RunDeleted(ILogger logger, string runId, string jobName);
    }
}
