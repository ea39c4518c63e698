using System.Security.Cryptography;
using System.Text;
using Agent.Gateway.Agents;

namespace Agent.Gateway.Tests.Agents.Doubles;

/// <summary>The agents file's part the hub reads: ids with their token hash, compared as the Routing slice does.</summary>
internal sealed class TestCredentials(IReadOnlyDictionary<string, string> tokens) : IAgentCredentials
{
    private readonly Dictionary<string, byte[]> _hashes = tokens.ToDictionary(pair => pair.Key, pair => Hash(pair.Value), StringComparer.Ordinal);

    public IReadOnlyCollection<string> KnownAgents => _hashes.Keys;

    public bool Verify(string agentId, string token) =>
        _hashes.TryGetValue(agentId, out var hash) && CryptographicOperations.FixedTimeEquals(hash, Hash(token));

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
