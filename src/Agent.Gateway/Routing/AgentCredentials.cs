using System.Security.Cryptography;

namespace Agent.Gateway.Routing;

/// <summary>
/// Checks an agent's token against the hash in the agents file. The presented token is hashed and the two hashes are
/// compared with <see cref="CryptographicOperations.FixedTimeEquals"/>, so the time taken says nothing about how much
/// of the token was right. An unknown agent is refused after the same hashing work.
/// </summary>
internal sealed class AgentCredentials(AgentDirectory directory) : Agents.IAgentCredentials
{
    private static readonly byte[] NoAgent = new byte[32];

    public IReadOnlyCollection<string> KnownAgents => [.. directory.TokenHashes.Keys];

    public bool Verify(string agentId, string token)
    {
        var presented = TokenHash.Sha256(token);
        var known = directory.TokenHashes.TryGetValue(agentId, out var stored);
        return CryptographicOperations.FixedTimeEquals(presented, stored ?? NoAgent) && known;
    }
}
