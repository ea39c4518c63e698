namespace Agent.Gateway.Tests.Agents.Doubles;

/// <summary>
/// The seams other slices implement, as in-memory doubles with real semantics. Replicas of one test share the
/// presence table and the bus network, and each has its own bus end.
/// </summary>
internal sealed class GatewayDoubles(string replicaId = "replica-a", InMemoryPresence? presence = null, ReplicaBusNetwork? network = null)
{
    public const string AgentId = "agent-eu";
    public const string Token = "agent-eu-token-0123456789";

    public TestCredentials Credentials { get; } = new(new Dictionary<string, string> { [AgentId] = Token, ["agent-us"] = "agent-us-token-0123456789" });

    public InMemoryRunBook Runs { get; } = new();

    public InMemorySeqLedger Ledger { get; } = new();

    public InMemoryPresence Presence { get; } = presence ?? new();

    public InMemoryReplicaBus Bus { get; } = new(network ?? new(), replicaId);

    public InMemoryPipelineBook Pipelines { get; } = new();
}
