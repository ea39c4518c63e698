using System.Globalization;
using System.Text.Json;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.ControlPlane;
using Agent.IntegrationTests.Deployment;
using Agent.Sandbox.ControlPlane.Api;

namespace Agent.IntegrationTests.Kubernetes;

/// <summary>
/// Issue 16's first acceptance line: the environment the public runner chart (1.13.3) renders with default values
/// starts the real agent process on the Kubernetes executor, with no Argo variable, and a pipeline runs end to end on
/// the sandbox's Kubernetes API emulator. Also: <c>EXECUTOR_TYPE</c> values the agent cannot honour stop it.
/// </summary>
public sealed class ChartDefaultEnvironmentTests
{
    private const string Namespace = "ingestion";
    private const string KubernetesToken = "kubernetes-sandbox-token";

    public static TheoryData<string> BadExecutorTypes => ["argoo", "k8s", "simpleK8sJobs", "jobs"];

    [Fact]
    public async Task ChartDefaultEnvironment_PipelineRun_RunsAsKubernetesJobToSuccess()
    {
        var cancellation = TestTimeouts.Token();
        await using var sandbox = await StartSandboxAsync();
        using var tokenFile = new TokenFile();
        var agentId = LinkSignals.NewAgentId("chart-default");
        await using var agent = AgentProcess.Start(ChartDefaultEnvironment(sandbox, agentId, tokenFile.Path, FreePort.Next(), FreePort.Next()));
        await sandbox.ControlPlane.WaitForAgentAsync(agentId, cancellation);
        var runId = Guid.NewGuid().ToString();

        var answer = await sandbox.ControlPlane.SendRequestAsync(
            agentId, MessageTypes.PipelineRun, RequestPayloads.PipelineRun("chart.default_pipeline", runId: runId), cancellation);
        var result = ReliableMessages.Result(answer);
        Assert.True(result.Ok, $"{result.Code} {result.Reason}\n{agent.Tail()}");
        var success = await sandbox.ControlPlane.WaitForStatusAsync(
            status => status.RunId == runId && status.PipelineState == PipelineStates.Success, cancellation);

        Assert.Equal(agentId, success.AgentId);

        // It ran as a Job in the chart's namespace, asked for with the token file's token; Argo saw nothing.
        using var jobs = await KubernetesGetAsync(sandbox, $"/apis/batch/v1/namespaces/{Namespace}/jobs", cancellation);
        Assert.Single(jobs.RootElement.GetProperty("items").EnumerateArray());
        Assert.Empty(sandbox.Emulator.ListWorkflows());
    }

    [Fact]
    public async Task ChartDefaultEnvironment_NoArgoVariable_StartsOnKubernetesAndIsReady()
    {
        var cancellation = TestTimeouts.Token();
        await using var sandbox = await StartSandboxAsync();
        using var tokenFile = new TokenFile();
        var agentId = LinkSignals.NewAgentId("chart-ready");
        var (metricsPort, adminPort) = (FreePort.Next(), FreePort.Next());
        var environment = ChartDefaultEnvironment(sandbox, agentId, tokenFile.Path, metricsPort, adminPort);
        Assert.DoesNotContain(environment.Keys, name => name.StartsWith("ARGO_", StringComparison.Ordinal) && name != "ARGO_PIPELINE_TYPE_CONFIGS");
        Assert.DoesNotContain("PIPELINE_SERVICE_CLIENT_ENDPOINT", environment.Keys);

        await using var agent = AgentProcess.Start(environment);
        await sandbox.ControlPlane.WaitForAgentAsync(agentId, cancellation);

        // An answer means the session is welcomed, which /ready's controlPlane check reads.
        await sandbox.ControlPlane.SendRequestAsync(agentId, MessageTypes.ServiceStatus, BadInputLink.Empty(), cancellation);
        using var infra = new HttpClient { BaseAddress = Loopback(metricsPort) };
        using var ready = await GetOnceListeningAsync(infra, "/ready", cancellation);
        var body = await ready.Content.ReadAsStringAsync(cancellation);

        Assert.False(agent.HasExited, agent.Tail());
        Assert.True(ready.IsSuccessStatusCode, body);
        var checks = JsonDocument.Parse(body).RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("kubernetes").GetProperty("status").GetString());
        Assert.False(checks.TryGetProperty("argo", out _), body);
    }

    [Fact]
    public async Task ChartDefaultEnvironment_Diagnostics_ShowsTheKubernetesSettingsAndNoArgoCheck()
    {
        var cancellation = TestTimeouts.Token();
        await using var sandbox = await StartSandboxAsync();
        using var tokenFile = new TokenFile();
        var agentId = LinkSignals.NewAgentId("chart-diag");
        var adminPort = FreePort.Next();
        var environment = ChartDefaultEnvironment(sandbox, agentId, tokenFile.Path, FreePort.Next(), adminPort);
        environment["SIMPLEK8S_PIPELINE_TYPE_CONFIGS"] = """{"automation":{"priorityClassName":"high"}}""";
        environment["ARGO_TOKEN"] = "argo-token-set-but-ignored";
        await using var agent = AgentProcess.Start(environment);
        await sandbox.ControlPlane.WaitForAgentAsync(agentId, cancellation);

        using var admin = new HttpClient { BaseAddress = Loopback(adminPort) };
        using var response = await GetOnceListeningAsync(admin, "/admin/diagnostics", cancellation);
        var text = await response.Content.ReadAsStringAsync(cancellation);
        var body = JsonDocument.Parse(text).RootElement;
        string? Value(string key) => body.GetProperty("configuration").EnumerateArray()
            .Single(entry => entry.GetProperty("key").GetString() == key).GetProperty("value").GetString();

        Assert.Equal("simpleK8s", body.GetProperty("executor").GetString());
        Assert.Equal("simpleK8s", Value("Executor:Type"));
        Assert.Equal(Namespace, Value("Kubernetes:Namespace"));
        Assert.Equal("ingestion-bot", Value("Kubernetes:ServiceAccountName"));
        Assert.Equal("""{"automation":{"priorityClassName":"high"}}""", Value("Kubernetes:PipelineTypeConfigs"));
        Assert.Equal(Url(sandbox), Value("Kubernetes:ApiUrl"));
        Assert.Equal(tokenFile.Path, Value("Kubernetes:TokenFile"));
        Assert.Equal("kubernetes", Value("Ingestion:SecretsManager"));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("argo").ValueKind);
        Assert.Equal(Namespace, body.GetProperty("kubernetes").GetProperty("namespace").GetString());
        Assert.DoesNotContain("argo-token-set-but-ignored", text, StringComparison.Ordinal);
        Assert.Contains(agent.Lines, line => line.Contains("these Argo settings are set and ignored", StringComparison.Ordinal)
            && line.Contains("ARGO_TOKEN", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(BadExecutorTypes))]
    public async Task Start_UnknownExecutorType_OneLineNamingExecutorTypeAndTheAcceptedValuesExit2(string value)
    {
        await using var sandbox = await StartSandboxAsync();
        var environment = ChartDefaultEnvironment(sandbox, LinkSignals.NewAgentId("chart-bad"), "/nonexistent/token", FreePort.Next(), FreePort.Next());
        environment["EXECUTOR_TYPE"] = value;

        var outcome = await AgentProcess.RunToExitAsync(environment, TestTimeouts.Token());

        Assert.Equal(2, outcome.ExitCode);
        var line = Assert.Single(outcome.Lines);
        Assert.EndsWith($"EXECUTOR_TYPE={value} is not an executor: use argo or simpleK8s (also kubernetes)", line, StringComparison.Ordinal);
    }

    /// <summary>
    /// What chart 1.13.3 renders with default values (templates/deployment.yaml: <c>installArgoWorkflows: false</c> and an
    /// empty <c>argoWorkflows.endpoint</c> give <c>EXECUTOR_TYPE=simpleK8s</c>, no <c>PIPELINE_SERVICE_CLIENT_ENDPOINT</c>
    /// and no <c>ARGO_TOKEN</c>), pointed at the sandbox. The issue text names <c>ARGO_PIPELINE_TYPE_CONFIGS=""</c>, the
    /// chart renders <c>SIMPLEK8S_PIPELINE_TYPE_CONFIGS=""</c>: both are set, empty, as either may reach the agent.
    /// </summary>
    private static Dictionary<string, string?> ChartDefaultEnvironment(SandboxServer sandbox, string agentId, string tokenFile, int metricsPort, int adminPort) => new()
    {
        ["AGENT_ID"] = agentId,
        ["AUTH_TOKEN"] = SandboxServer.ControlPlaneToken,
        ["SERVER_URL"] = $"ws://127.0.0.1:{sandbox.BaseUrl.Port.ToString(CultureInfo.InvariantCulture)}",
        ["EXECUTOR_TYPE"] = "simpleK8s",
        ["INGESTION_NAMESPACE"] = Namespace,
        ["INGESTION_IMAGE"] = "openmetadata/ingestion:1.9.0",
        ["INGESTION_SERVICE_ACCOUNT_NAME"] = "ingestion-bot",
        ["SECRETS_MANAGER"] = "kubernetes",
        ["RECONNECT_DELAY_SECONDS"] = "5",
        ["ARGO_PIPELINE_TYPE_CONFIGS"] = "",
        ["SIMPLEK8S_PIPELINE_TYPE_CONFIGS"] = "",
        ["INGESTION_CPU_LIMIT"] = "1000m",
        ["INGESTION_MEMORY_LIMIT"] = "4096Mi",
        ["INGESTION_CPU_REQUEST"] = "1000m",
        ["INGESTION_MEMORY_REQUEST"] = "4096Mi",
        ["INGESTION_AUTOMATION_WORKFLOW_CPU_LIMIT"] = "500m",
        ["INGESTION_AUTOMATION_WORKFLOW_MEMORY_LIMIT"] = "512Mi",
        ["INGESTION_AUTOMATION_WORKFLOW_CPU_REQUEST"] = "200m",
        ["INGESTION_AUTOMATION_WORKFLOW_MEMORY_REQUEST"] = "256Mi",

        // In a cluster the agent finds the API server and its token through the pod's service account
        // (KUBERNETES_SERVICE_HOST and /var/run/secrets/kubernetes.io/serviceaccount/token). This process is not in a
        // pod, so these two stand in for exactly that: the emulator's URL, and a file holding the token it requires.
        ["KUBERNETES_API_URL"] = Url(sandbox),
        ["KUBERNETES_TOKEN_FILE"] = tokenFile,

        // The test's own listeners, on free loopback ports.
        ["METRICS_SERVER_HOST"] = "127.0.0.1",
        ["METRICS_SERVER_PORT"] = metricsPort.ToString(CultureInfo.InvariantCulture),
        ["ADMIN_SERVER_PORT"] = adminPort.ToString(CultureInfo.InvariantCulture),
    };

    private static Task<SandboxServer> StartSandboxAsync() => SandboxServer.StartAsync(new Dictionary<string, string?>
    {
        ["Sandbox:Kubernetes:Token"] = KubernetesToken,
        ["Sandbox:Kubernetes:PendingSeconds"] = "0",
        ["Sandbox:Kubernetes:RunningSeconds"] = "0.2",
    });

    private static string Url(SandboxServer sandbox) => sandbox.BaseUrl.GetLeftPart(UriPartial.Authority);

    private static Uri Loopback(int port) => new($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");

    private static async Task<JsonDocument> KubernetesGetAsync(SandboxServer sandbox, string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { { "Authorization", "Bearer " + KubernetesToken } } };
        using var response = await sandbox.Client.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
    }

    /// <summary>The listeners may bind a moment after the control-plane link is up: only a refused connection is retried.</summary>
    private static async Task<HttpResponseMessage> GetOnceListeningAsync(HttpClient client, string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await client.GetAsync(path, cancellationToken);
            }
            catch (HttpRequestException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
            }
        }
    }

    /// <summary>A temporary file holding the emulator's token, deleted with the test.</summary>
    private sealed class TokenFile : IDisposable
    {
        public TokenFile()
        {
            Path = System.IO.Path.GetTempFileName();
            File.WriteAllText(Path, KubernetesToken + "\n");
        }

        public string Path { get; }

        public void Dispose() => File.Delete(Path);
    }
}
