namespace Agent.Gateway.Agents;

/// <summary>The agents the gateway admits: each id with the SHA-256 of its token (tokens are never stored in clear).</summary>
internal interface IAgentCredentials
{
    /// <summary>True when <paramref name="agentId"/> is known and <paramref name="token"/> hashes to its stored hash (compared in constant time).</summary>
    bool Verify(string agentId, string token);

    IReadOnlyCollection<string> KnownAgents { get; }
}
