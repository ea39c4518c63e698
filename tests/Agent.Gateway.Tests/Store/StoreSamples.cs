using Agent.Core.Protocol.Messages;
using Agent.Gateway.Store;

namespace Agent.Gateway.Tests.Store;

/// <summary>Records the store tests save; the token is the text that must never be found at rest.</summary>
internal static class StoreSamples
{
    public const string BotToken = "eyJhbGciOiJSUzI1NiJ9.bot-token-that-must-stay-secret";

    public static readonly string DeployPayload =
        """{"name":"mysql_prod_metadata","openMetadataServerConnection":{"securityConfig":{"jwtToken":""" + "\"" + BotToken + "\"}}}";

    public static DeployedPipeline Pipeline(string dagId, string fqn = "mysql_prod.mysql_prod_metadata", string agentId = "agent-eu") => new(
        DagId: dagId,
        PipelineFqn: fqn,
        ServiceFqn: "mysql_prod",
        PipelineType: "metadata",
        AgentId: agentId,
        Enabled: true,
        ProtectedPayload: "protected-payload",
        ProtectedConfig: "protected-config",
        DeployedAt: new DateTimeOffset(2026, 12, 4, 10, 30, 15, 123, TimeSpan.Zero).AddTicks(4567));

    public static RunStatusPayload Run(string runId, string state, long timestamp, long? startDate = null, string fqn = "svc.pipeline") =>
        new(fqn, runId, "wf-" + runId, state, timestamp, startDate ?? timestamp);
}
