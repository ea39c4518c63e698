namespace Agent.Sandbox;

/// <summary>
/// Every EventId the sandbox logs, in one place so two emulators cannot claim the same number again (they once both
/// used 9100-9107). Ids must not be duplicated, reused or repurposed. The agent itself uses 1xxx-3xxx
/// (src/Agent.Core/AgentEventIds.cs); the sandbox uses 9xxx: 91xx the control-plane emulator, 92xx the Argo
/// emulator, 93xx the demo.
/// </summary>
internal static class SandboxEventIds
{
    // 91xx the control-plane emulator.
    public const int AgentWelcomed = 9100;
    public const int SessionEnded = 9101;
    public const int ConnectionRejected = 9102;
    public const int ProtocolViolation = 9103;
    public const int AgentError = 9104;
    public const int RequestSent = 9105;
    public const int DuplicateAnswer = 9106;
    public const int Misbehaviour = 9107;
    public const int SocketLost = 9108;
    public const int UnknownMessageType = 9109;

    // 92xx the Argo emulator.
    public const int WorkflowCreated = 9200;
    public const int PhaseChanged = 9201;
    public const int WorkflowDeleted = 9202;
    public const int WorkflowShutdown = 9203;
    public const int PhaseForced = 9204;
    public const int PodsDeleted = 9205;
    public const int WatchesClosing = 9206;
    public const int CronSubmitted = 9207;

    // 93xx the demo.
    public const int DemoRunAnswered = 9301;
    public const int DemoRunFinished = 9302;
}
