using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Agent.IntegrationTests.GatewayReplicas;

/// <summary>
/// What the replica tests share: one agent and its token in an agents file, the metadata pipeline OpenMetadata deploys
/// (pointed at the sandbox's OpenMetadata emulator, carrying its bot token), and OpenMetadata's client for a replica.
/// </summary>
internal static class ReplicaFixture
{
    public const string AirflowUser = "admin";
    public const string AirflowPassword = "admin-password";
    public const string AgentId = "agent-eu";
    public const string AgentToken = "agent-eu-replica-token-0123456789";
    public const string Namespace = "ingestion";

    /// <summary>The fixture's name run through clean_dag_id (already clean).</summary>
    public const string DagId = "mysql_prod_metadata";

    public static string WriteAgentsFile(DirectoryInfo directory)
    {
        var path = Path.Combine(directory.FullName, "agents.yaml");
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(AgentToken)));
        File.WriteAllText(path, $"agents:\n  - id: {AgentId}\n    tokenSha256: {hash}\nroutes:\n  - service: mysql_prod\n    agent: {AgentId}\n");
        return path;
    }

    /// <summary>The deploy body: ContractFixtures' metadata pipeline, its server connection the sandbox's emulator.</summary>
    public static string Pipeline(SandboxServer sandbox) => ContractFixtures.With(ContractFixtures.MetadataPipeline, node =>
    {
        var connection = node["openMetadataServerConnection"]!.AsObject();
        connection["hostPort"] = sandbox.OpenMetadataHostPort;
        connection["securityConfig"] = new JsonObject { ["jwtToken"] = SandboxServer.OpenMetadataBotToken };
    });

    /// <summary>The agent, dialling <paramref name="replica"/> and retrying within a second when it is away.</summary>
    public static AgentProcess StartAgent(SandboxServer sandbox, ReplicaProcess replica) => AgentProcess.Start(sandbox, AgentId, new Dictionary<string, string?>
    {
        ["SERVER_URL"] = replica.AgentServerUrl,
        ["AUTH_TOKEN"] = AgentToken,
        ["RECONNECT_DELAY_SECONDS"] = "1",
    });

    /// <summary>OpenMetadata's AirflowRESTClient against <paramref name="replica"/>, under the Airflow 2 prefix.</summary>
    public static OmClient Client(ReplicaProcess replica) =>
        new(new HttpClient { BaseAddress = replica.BaseUri, Timeout = TestTimeouts.Default }, "api/v2/openmetadata", AirflowUser, AirflowPassword);

    public static string DagBody => new JsonObjectBuilder().Add("dag_id", DagId).Build();

    /// <summary>Sends one request and asserts its status, naming the route and body (and the replicas' tails) when it is not.</summary>
    public static async Task<JsonElement> ExpectAsync(Task<HttpResponseMessage> sending, int status, string what, Func<string> context)
    {
        using var response = await sending;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{what}: {(int)response.StatusCode} {body}\n{context()}");
        return JsonElement.Parse(body.Length == 0 ? "null" : body);
    }

    public static JsonObject? Cron(SandboxServer sandbox) => sandbox.Emulator.ListCronWorkflows(Namespace).SingleOrDefault();
}
