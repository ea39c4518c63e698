using System.Text.Json;
using System.Text.Json.Nodes;
using Agent.Sandbox.Argo;

namespace Agent.IntegrationTests.Gateway;

/// <summary>
/// One sandbox (Argo and OpenMetadata emulators), one gateway process (SQLite in a temp folder) and one agent process
/// dialling the gateway with the token the agents file admits, shared by the tests of a class: each test deploys its
/// own pipeline name, so they never see each other's runs. Runs stay Running until a test forces their end through
/// the emulator, so kill and logs find a live run and the other tests decide when a run succeeds.
/// </summary>
public sealed class GatewayRig : IAsyncLifetime
{
    public const string Namespace = "ingestion";
    public const string AgentId = "e2e-agent";
    private const string AgentToken = "e2e-agent-token-0123456789";

    private SandboxServer? _sandbox;
    private GatewayProcess? _gateway;
    private AgentProcess? _agent;
    private OmClient? _om;

    internal SandboxServer Sandbox => _sandbox ?? throw new InvalidOperationException("not started");

    internal GatewayProcess Gateway => _gateway ?? throw new InvalidOperationException("not started");

    internal AgentProcess Agent => _agent ?? throw new InvalidOperationException("not started");

    /// <summary>OpenMetadata's AirflowRESTClient, replayed, on the prefix it detected.</summary>
    internal OmClient Om => _om ?? throw new InvalidOperationException("not started");

    internal ArgoEmulator Argo => Sandbox.Emulator;

    /// <summary>The processes' last lines, for a failure message.</summary>
    public string Tails => $"--- gateway\n{Gateway.Tail()}\n--- agent\n{Agent.Tail()}";

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxServer.StartAsync(new Dictionary<string, string?>
        {
            ["Sandbox:Argo:PendingSeconds"] = "0",
            ["Sandbox:Argo:RunningSeconds"] = "600",
        });
        _gateway = await GatewayProcess.StartAsync(AgentId, AgentToken, cancellationToken: TestTimeouts.Token());
        _agent = AgentProcess.Start(_sandbox, AgentId, new Dictionary<string, string?>
        {
            ["SERVER_URL"] = _gateway.AgentServerUrl.ToString(),
            ["AUTH_TOKEN"] = AgentToken,
        });
        await Polling.UntilAsync(async () => (await _gateway.ReadAdminAsync("/admin/agents", TestTimeouts.Token())).Contains(AgentId, StringComparison.Ordinal), "the agent is connected", this);
        var prefix = await OmClient.DetectAsync(_gateway.Http, GatewayProcess.Username, GatewayProcess.Password)
            ?? throw new InvalidOperationException("health-auth answered on no prefix");
        _om = new OmClient(_gateway.Http, prefix, GatewayProcess.Username, GatewayProcess.Password);
    }

    /// <summary>The metadata fixture as <paramref name="name"/>, pointing its OpenMetadata connection at the sandbox's emulator.</summary>
    public string PipelineBody(string name, string schedule = "0 2 * * *") => ContractFixtures.With(ContractFixtures.MetadataPipeline, pipeline =>
    {
        pipeline["name"] = name;
        pipeline["displayName"] = name;
        pipeline["fullyQualifiedName"] = $"mysql_prod.{name}";
        pipeline["airflowConfig"]!["scheduleInterval"] = schedule;
        PointAtSandbox(pipeline);
    });

    /// <summary>The test-connection Workflow fixture, pointing its OpenMetadata connection at the sandbox's emulator.</summary>
    public string TestConnectionBody() => ContractFixtures.With(ContractFixtures.TestConnectionWorkflow, PointAtSandbox);

    /// <summary>deployPipeline; returns the dag_id (the name).</summary>
    public async Task<string> DeployAsync(string name, string schedule = "0 2 * * *")
    {
        using var response = await Om.PostAsync("deploy", PipelineBody(name, schedule));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"deploy answered {(int)response.StatusCode} {body}\n{Tails}");
        return name;
    }

    /// <summary>runPipeline; returns the runId the gateway minted.</summary>
    public async Task<string> TriggerAsync(string dagId)
    {
        using var response = await Om.PostAsync("trigger", JsonSerializer.Serialize(new { dag_id = dagId }));
        var body = await JsonAsync(response);
        Assert.True(response.IsSuccessStatusCode, $"trigger answered {(int)response.StatusCode} {body}\n{Tails}");
        return body.GetProperty("runId").GetString()!;
    }

    /// <summary>getQueuedPipelineStatusInternal's request, or the whole run book without <paramref name="onlyQueued"/>.</summary>
    public async Task<(int Code, JsonElement Body)> StatusAsync(string dagId, bool onlyQueued)
    {
        using var response = await Om.GetAsync(onlyQueued ? $"status?dag_id={dagId}&only_queued=true" : $"status?dag_id={dagId}");
        return ((int)response.StatusCode, await JsonAsync(response));
    }

    /// <summary>Polls <c>status</c> until the run <paramref name="runId"/> is in <paramref name="state"/>.</summary>
    public Task WaitForRunStateAsync(string dagId, string runId, string state) => Polling.UntilAsync(async () =>
    {
        var (code, body) = await StatusAsync(dagId, onlyQueued: false);
        return code == 200 && body.EnumerateArray().Any(run =>
            run.GetProperty("runId").GetString() == runId && run.GetProperty("pipelineState").GetString() == state);
    }, $"run {runId} of {dagId} is {state}", this);

    /// <summary>The CronWorkflow the agent made for <paramref name="dagId"/>, once it is there.</summary>
    public Task<JsonObject> WaitForCronWorkflowAsync(string dagId) =>
        Polling.UntilFoundAsync(() => Task.FromResult(Argo.ListCronWorkflows(Namespace).FirstOrDefault(cron => IsFor(cron, dagId))), $"a CronWorkflow for {dagId}", this);

    public JsonObject? FindCronWorkflow(string dagId) => Argo.ListCronWorkflows(Namespace).FirstOrDefault(cron => IsFor(cron, dagId));

    /// <summary>The Workflow carrying <paramref name="runId"/>, once the agent submitted it.</summary>
    public Task<JsonObject> WaitForWorkflowAsync(string runId) => Polling.UntilFoundAsync(
        () => Task.FromResult(Argo.ListWorkflows(Namespace).FirstOrDefault(workflow => Label(workflow, "hybrid-agent/run-id") == runId)),
        $"a Workflow for run {runId}", this);

    /// <summary>The Workflows of <paramref name="dagId"/> (the FQN's pipeline annotation names it).</summary>
    public IReadOnlyList<JsonObject> WorkflowsOf(string dagId) => [.. Argo.ListWorkflows(Namespace).Where(workflow => IsFor(workflow, dagId))];

    public static string Name(JsonObject resource) => resource["metadata"]!["name"]!.GetValue<string>();

    public static string? Label(JsonObject resource, string label) => resource["metadata"]?["labels"]?[label]?.GetValue<string>();

    /// <summary>The value of the container variable <paramref name="name"/> anywhere in the resource's templates.</summary>
    public static string? Env(JsonNode? node, string name) => node switch
    {
        JsonObject env when env["name"]?.GetValue<string>() == name && env["value"] is JsonValue value => value.GetValue<string>(),
        JsonObject obj => obj.Select(property => Env(property.Value, name)).FirstOrDefault(found => found is not null),
        JsonArray array => array.Select(item => Env(item, name)).FirstOrDefault(found => found is not null),
        _ => null,
    };

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public async Task DisposeAsync()
    {
        if (_agent is not null)
        {
            await _agent.DisposeAsync();
        }

        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }
    }

    private static bool IsFor(JsonObject resource, string dagId) =>
        resource["metadata"]?["annotations"]?["hybrid-agent/pipeline-fqn"]?.GetValue<string>() == $"mysql_prod.{dagId}";

    private void PointAtSandbox(JsonObject body)
    {
        var connection = body["openMetadataServerConnection"]!;
        connection["hostPort"] = Sandbox.OpenMetadataHostPort;
        connection["securityConfig"]!["jwtToken"] = SandboxServer.OpenMetadataBotToken;
    }
}
