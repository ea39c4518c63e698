namespace Agent.Gateway.Hosting;

/// <summary>
/// Every gateway log event id, one range per slice (Hosting 5000-5099, Agents 5100-5199, Airflow 5200-5299,
/// Store 5300-5399, Routing/Configs 5400-5499), so an id names its event in any log store.
/// </summary>
internal static class GatewayEventIds
{
    public const int AdminKeyRefused = 5000;
    public const int ReadinessProbeFailed = 5001;

    public const int SessionRefused = 5100;
    public const int SessionWelcomed = 5101;
    public const int SessionEnded = 5102;
    public const int BadFrame = 5103;
    public const int AgentError = 5104;
    public const int UnexpectedMessage = 5105;
    public const int ResultWithoutRequest = 5106;
    public const int WelcomedHandlerFailed = 5107;
    public const int SessionFailed = 5108;
    public const int RequestTimedOut = 5109;
    public const int PresenceRefreshFailed = 5110;
    public const int PresenceLost = 5111;

    public const int AirflowRequestRefused = 5200;
    public const int AirflowAgentUnavailable = 5201;
    public const int AirflowAgentFailed = 5202;
    public const int AirflowDeployed = 5203;
    public const int AirflowDeletePending = 5204;
    public const int AirflowDeleteReplayed = 5205;
    public const int AirflowDeleteReplayFailed = 5206;
    public const int AirflowMovedPipelineNotDeleted = 5207;
    public const int AirflowConfigBuildFailed = 5208;

    public const int StoreMigrationApplied = 5300;
    public const int StoreListenerListening = 5301;
    public const int StoreListenerReconnecting = 5302;
    public const int StoreForwardFailed = 5303;
}
