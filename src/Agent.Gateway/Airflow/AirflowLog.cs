using Agent.Gateway.Hosting;

namespace Agent.Gateway.Airflow;

/// <summary>The Airflow routes' log lines: ids, names and codes only, never a body (deploy payloads carry the bot token).</summary>
internal static partial class AirflowLog
{
    [LoggerMessage(EventId = GatewayEventIds.AirflowAgentUnavailable, Level = LogLevel.Warning, Message = "{Operation} of DAG {DagId}: {Problem}")]
    public static partial void AgentUnavailable(this ILogger logger, string operation, string dagId, string problem);

    [LoggerMessage(EventId = GatewayEventIds.AirflowAgentFailed, Level = LogLevel.Warning, Message = "{Operation} of DAG {DagId}: agent {AgentId} answered {Code}")]
    public static partial void AgentFailed(this ILogger logger, string operation, string dagId, string agentId, int code);

    [LoggerMessage(EventId = GatewayEventIds.AirflowRequestRefused, Level = LogLevel.Information, Message = "{Operation} of DAG {DagId} refused with {Status}")]
    public static partial void Refused(this ILogger logger, string operation, string dagId, int status);

    [LoggerMessage(EventId = GatewayEventIds.AirflowDeployed, Level = LogLevel.Information, Message = "DAG {DagId} ({PipelineFqn}) deployed to agent {AgentId}")]
    public static partial void Deployed(this ILogger logger, string dagId, string pipelineFqn, string agentId);

    [LoggerMessage(EventId = GatewayEventIds.AirflowDeletePending, Level = LogLevel.Warning, Message = "Delete of DAG {DagId} waits for agent {AgentId}: {Problem}")]
    public static partial void DeletePending(this ILogger logger, string dagId, string agentId, string problem);

    [LoggerMessage(EventId = GatewayEventIds.AirflowDeleteReplayed, Level = LogLevel.Information, Message = "Delete of DAG {DagId} replayed on agent {AgentId}")]
    public static partial void DeleteReplayed(this ILogger logger, string dagId, string agentId);

    [LoggerMessage(EventId = GatewayEventIds.AirflowDeleteReplayFailed, Level = LogLevel.Warning, Message = "Delete of DAG {DagId} still waits for agent {AgentId}: {Problem}")]
    public static partial void DeleteReplayFailed(this ILogger logger, string dagId, string agentId, string problem);

    [LoggerMessage(EventId = GatewayEventIds.AirflowMovedPipelineNotDeleted, Level = LogLevel.Warning, Message = "DAG {DagId} moved from agent {OldAgentId} to {AgentId}, but the old agent's copy could not be deleted: {Problem}")]
    public static partial void MovedPipelineNotDeleted(this ILogger logger, string dagId, string oldAgentId, string agentId, string problem);

    [LoggerMessage(EventId = GatewayEventIds.AirflowConfigBuildFailed, Level = LogLevel.Warning, Message = "Workflow config of DAG {DagId} could not be built: {ExceptionType}")]
    public static partial void ConfigBuildFailed(this ILogger logger, string dagId, string exceptionType);
}
