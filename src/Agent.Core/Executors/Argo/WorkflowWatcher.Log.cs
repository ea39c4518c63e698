using Microsoft.Extensions.Logging;

namespace Agent.Core.Executors.Argo;

internal sealed partial class WorkflowWatcher
{
    private static partial class Log
    {
        [LoggerMessage(EventId = AgentEventIds.WorkflowsListed, Level = LogLevel.Debug, Message = "Listed {Count} workflows of this agent at resource version {ResourceVersion}")]
        public static partial void Listed(ILogger logger, int count, string? resourceVersion);

        [LoggerMessage(EventId = AgentEventIds.WatchExpired, Level = LogLevel.Debug, Message = "Argo ended the watch stream; resuming")]
        public static partial void WatchExpired(ILogger logger);

        [LoggerMessage(EventId = AgentEventIds.WatchFailed, Level = LogLevel.Warning, Message = "Watching Argo workflows failed: {Cause}; listing again in {DelaySeconds:0.0} s")]
        public static partial void WatchFailed(ILogger logger, Exception? exception, string cause, double delaySeconds);

        [LoggerMessage(EventId = AgentEventIds.WatchEndedAtOnce, Level = LogLevel.Warning, Message = "The Argo watch stream ended at once without an event; listing again in {DelaySeconds:0.0} s")]
        public static partial void WatchEndedAtOnce(ILogger logger, double delaySeconds);

        [LoggerMessage(EventId = AgentEventIds.ActiveRunDeleted, Level = LogLevel.Warning, Message = "The workflow {WorkflowName} of active run {RunId} was deleted; its final status is sent and the run forgotten")]
        public static partial void RunDeleted(ILogger logger, string runId, string workflowName);
    }
}
