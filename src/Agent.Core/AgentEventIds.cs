namespace Agent.Core;

/// <summary>
/// Every EventId the agent logs, Agent.Core and Agent.Web alike, so one file shows what is taken. Operators filter
/// and alert on these numbers and tests assert them: an id must not be duplicated, reused or repurposed, and a
/// retired one stays listed as retired. Ranges per part: 1xxx the link to the control plane and the operations it
/// carries, 2xxx runs on the executor (Argo), 3xxx the admin API.
/// </summary>
/// <remarks>
/// The values are constants, so the compiler copies them into each <c>[LoggerMessage]</c>: using them adds no
/// dependency between the parts of Core (tests/Agent.Tests/Architecture).
/// </remarks>
internal static class AgentEventIds
{
    // 10xx Link: the reconnect loop and shutdown (ControlPlaneService).
    public const int SessionEnded = 1001;
    public const int Reconnecting = 1002;
    public const int Standby = 1003;
    public const int ConnectionRefused = 1004;
    public const int DrainIncomplete = 1005;
    public const int Draining = 1006;
    public const int HandingBack = 1007;
    public const int BackoffCut = 1008;
    public const int ConnectFailed = 1009;
    public const int UnencryptedServerUrl = 1010;
    public const int SessionFailed = 1020;

    // 11xx Link: one session (ControlPlaneSession).
    public const int Welcomed = 1101;
    public const int BadFrame = 1102;
    public const int ServerError = 1103;
    public const int PeerValueOutOfRange = 1110;
    public const int SessionLoopFailed = 1111;

    // 12xx Operations: the dispatcher and its answers.
    public const int AnswerReplayed = 1201;
    public const int RequestFailed = 1202;
    public const int AnswerPending = 1203;
    public const int RequestRefusedOutboxFull = 1210;
    public const int AnswerUnsendable = 1211;
    public const int ReplyLost = 1212;
    public const int RequestAnswered = 1220;

    // 20xx Operations: a request that failed on Argo.
    public const int ArgoRequestFailed = 2001;

    // 21xx Runs: status reporting; Argo Server availability (the circuit breaker).
    public const int RunStateChanged = 2101;
    public const int WorkflowNotOurs = 2102;
    public const int RunFailed = 2103;
    public const int ArgoPaused = 2110;
    public const int ArgoResumed = 2111;
    public const int ArgoStillPaused = 2112;

    // 22xx Argo: the workflow watcher.
    public const int WorkflowsListed = 2201;
    public const int WatchExpired = 2202;
    public const int WatchFailed = 2203;
    public const int WatchEndedAtOnce = 2204;
    public const int ActiveRunDeleted = 2205;

    // 23xx Operations: starting a run.
    public const int RunCreated = 2301;
    public const int RunAlreadyCreated = 2302;
    public const int RunRefused = 2303;
    public const int RunStartedUnderAnotherName = 2310;

    // 24xx Runs and Operations: stopping runs.
    public const int WorkflowTerminating = 2401;
    public const int WorkflowTerminateFailed = 2402;
    public const int RunStopFailed = 2410;

    // 25xx Argo: the connection settings at startup.
    public const int ArgoServerSettings = 2501;
    public const int ArgoCertificateUnchecked = 2502;

    // 26xx Ingestion: the image following the server version (DYNAMIC_INGESTION_VERSION_ENABLED).
    public const int IngestionImageFollowsServer = 2601;
    public const int IngestionImageCannotFollow = 2602;

    // 27xx Executor selection at startup (EXECUTOR_TYPE).
    public const int ArgoSettingsIgnored = 2701;

    // 28xx Kubernetes executor: the Job watcher.
    public const int JobsListed = 2801;
    public const int JobWatchExpired = 2802;
    public const int JobWatchFailed = 2803;
    public const int JobWatchEndedAtOnce = 2804;
    public const int ActiveJobDeleted = 2805;

    // 281x Kubernetes executor: API server availability (the circuit breaker), as 2110-2112 for Argo.
    public const int KubernetesPaused = 2810;
    public const int KubernetesResumed = 2811;
    public const int KubernetesStillPaused = 2812;

    // 30xx Agent.Web admin API.
    public const int AdminUnprotected = 3001;
    public const int AdminProtected = 3002;
    public const int AdminKeyUnusable = 3003;
}
