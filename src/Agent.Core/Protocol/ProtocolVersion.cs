namespace Agent.Core.Protocol;

internal static class ProtocolVersion
{
    public const int Current = 1;

    /// <summary>WebSocket subprotocol the agent offers.</summary>
    public const string SubProtocol = "hybrid-agent.v1";

    /// <summary>Path appended to a <c>SERVER_URL</c> that has none.</summary>
    public const string ConnectPath = "/api/v1/agents/connect";

    /// <summary>Default largest frame accepted or sent (4 MiB).</summary>
    public const int DefaultMaxMessageBytes = 4 * 1024 * 1024;
}
