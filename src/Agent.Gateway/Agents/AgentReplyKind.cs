namespace Agent.Gateway.Agents;

internal enum AgentReplyKind
{
    /// <summary>The agent answered with a <c>result</c> (which may itself say the request failed).</summary>
    Answered,

    /// <summary>No replica holds a session for the agent.</summary>
    NotConnected,

    /// <summary>The agent holds the request but did not answer within the bound.</summary>
    TimedOut,
}
