using Agent.Gateway.Hosting;
using Agent.Gateway.Store;
using Microsoft.Extensions.Options;

namespace Agent.Gateway.Agents;

/// <summary>What every <see cref="AgentSession"/> uses, gathered so a session takes one dependency.</summary>
internal sealed class SessionServices(
    AgentSessions sessions,
    IRunBook runs,
    ISeqLedger ledger,
    IAgentPresence presence,
    IReplicaBus bus,
    TimeProvider time,
    IOptions<GatewayOptions> options,
    ILogger<AgentSession> logger)
{
    public AgentSessions Sessions { get; } = sessions;

    public IRunBook Runs { get; } = runs;

    public ISeqLedger Ledger { get; } = ledger;

    public IAgentPresence Presence { get; } = presence;

    /// <summary>Its <see cref="IReplicaBus.ReplicaId"/> names this replica in presence claims.</summary>
    public IReplicaBus Bus { get; } = bus;

    public TimeProvider Time { get; } = time;

    /// <summary>
    /// The OpenMetadata release this gateway serves, announced in <c>welcome.serverVersion</c> so an agent with
    /// <c>DYNAMIC_INGESTION_VERSION_ENABLED</c> runs the ingestion image of the same release.
    /// </summary>
    public string ServerVersion { get; } = options.Value.OpenMetadataVersion;

    public ILogger Logger { get; } = logger;
}
