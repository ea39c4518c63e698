using Agent.Core.Protocol.Messages;

namespace Agent.Gateway.Agents;

/// <summary>What came of a request sent to an agent: its <c>result</c>, or why there is none.</summary>
internal sealed record AgentReply(AgentReplyKind Kind, ResultPayload? Result = null, string? Problem = null)
{
    public static AgentReply Answered(ResultPayload result) => new(AgentReplyKind.Answered, result);

    public static AgentReply NotConnected(string agentId) =>
        new(AgentReplyKind.NotConnected, Problem: $"agent '{agentId}' is not connected to the gateway");

    public static AgentReply TimedOut(string agentId, TimeSpan wait) =>
        new(AgentReplyKind.TimedOut, Problem: $"agent '{agentId}' did not answer within {wait.TotalSeconds:0.#} s");
}
