namespace Agent.Core.Protocol;

/// <summary>WebSocket close codes the control plane may use (protocol §1).</summary>
internal static class CloseCodes
{
    public const int Unauthorized = 4001;
    public const int DuplicateAgent = 4002;
    public const int UnsupportedProtocolVersion = 4003;
    public const int AgentDisabled = 4004;

    /// <summary>The operator-facing meaning of a close code, for logs, <c>/ready</c> and the admin API.</summary>
    public static string Describe(int code) => code switch
    {
        Unauthorized => "unauthorized: the control plane rejected AUTH_TOKEN",
        DuplicateAgent => "another agent with this AGENT_ID is connected",
        UnsupportedProtocolVersion => "protocol version not supported by the control plane",
        AgentDisabled => "this agent is disabled on the control plane",
        1000 => "normal closure",
        1001 => "going away",
        1009 => "message too big",
        1011 => "server error",
        _ => $"closed with code {code}",
    };
}
