using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Agent.Tests.Sandbox.Argo.Runtime;

/// <summary>FIDELITY §4.1–§4.6: the log API over every pod of the workflow.</summary>
public class PodLogsTests
{
    private const string WorkflowPath = $"/api/v1/workflows/{ArgoSandbox.Namespace}";
    private const string ExitPod = "wf-exit-exit-handler-3053604046";

    [Fact]
    public async Task Logs_NoContainerNamed_ReturnsNoLines()
    {
        await using var sandbox = await StartedAsync();

        await using var stream = await sandbox.OpenStreamAsync($"{WorkflowPath}/wf-exit/log");

        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
        Assert.Empty(await stream.ReadToEndAsync());
    }

    [Fact]
    public async Task Logs_Follow_StreamsMainThenExitPodUntilFulfilled()
    {
        await using var sandbox = await StartedAsync();
        await using var stream = await sandbox.OpenStreamAsync($"{WorkflowPath}/wf-exit/log?logOptions.container=main&logOptions.follow=true");
        var first = await stream.ReadObjectAsync();

        sandbox.Time.Advance(TimeSpan.FromSeconds(1));
        sandbox.Time.Advance(TimeSpan.FromSeconds(0.2));
        sandbox.Time.Advance(TimeSpan.FromSeconds(0.5));
        var rest = (await stream.ReadToEndAsync()).Select(line => JsonNode.Parse(line)!["result"]!).ToList();

        Assert.Equal("wf-exit", RunWorkflows.Text(first["result"]!["podName"]));
        Assert.Equal(ExitPod, RunWorkflows.Text(rest[^1]["podName"]));
        Assert.Contains(rest, entry => RunWorkflows.Text(entry["podName"]) == "wf-exit");
    }

    [Fact]
    public async Task Logs_SelectorOnPodMetadataLabel_IsAppendedToTheWorkflowSelector()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        var workflow = Workflows.Ingestion("wf-labels");
        workflow["spec"]!["podMetadata"] = new JsonObject { ["labels"] = new JsonObject { ["team"] = "data" } };
        await sandbox.CreateOkAsync(workflow);
        sandbox.Time.Advance(TimeSpan.FromSeconds(0.2));
        const string LogPath = $"{WorkflowPath}/wf-labels/log?logOptions.container=main";

        await using var matching = await sandbox.OpenStreamAsync($"{LogPath}&selector=team%3Ddata");
        await using var other = await sandbox.OpenStreamAsync($"{LogPath}&selector=team%3Dother");
        await using var foreignWorkflow = await sandbox.OpenStreamAsync($"{LogPath}&selector=workflows.argoproj.io/workflow%3Dsomeone-else");

        Assert.NotEmpty(await matching.ReadToEndAsync());
        Assert.Empty(await other.ReadToEndAsync());
        Assert.Empty(await foreignWorkflow.ReadToEndAsync());
    }

    [Fact]
    public async Task Logs_EmptyLine_HasPodNameButNoContent()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        await sandbox.CreateOkAsync(Workflows.Ingestion("wf-empty"));
        sandbox.Time.Advance(TimeSpan.FromSeconds(0.2));
        sandbox.Emulator.AppendMainLog(ArgoSandbox.Namespace, "wf-empty", [""]);

        await using var stream = await sandbox.OpenStreamAsync($"{WorkflowPath}/wf-empty/log?logOptions.container=main");

        Assert.Equal("""{"result":{"podName":"wf-empty"}}""", (await stream.ReadToEndAsync())[^1]);
    }

    [Fact]
    public async Task LogControlRoute_SyntheticLines_AreStreamedToTheLatestAttempt()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        await sandbox.CreateOkAsync(Workflows.Ingestion("wf-bench"));
        sandbox.Time.Advance(TimeSpan.FromSeconds(0.2));

        using var response = await sandbox.Client.PostAsJsonAsync(
            $"/sandbox/argo/workflows/{ArgoSandbox.Namespace}/wf-bench/log", new { lines = 3, lineBytes = 40 });
        var body = await ArgoSandbox.ReadObjectAsync(response);
        await using var stream = await sandbox.OpenStreamAsync($"{WorkflowPath}/wf-bench/log?logOptions.container=main&grep=bench");
        var lines = (await stream.ReadToEndAsync()).Select(line => RunWorkflows.Text(JsonNode.Parse(line)!["result"]!["content"])).ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(7, body["lines"]!.GetValue<int>());
        Assert.Equal(3, lines.Count);
        Assert.All(lines, line => Assert.Equal(40, line.Length));
        Assert.StartsWith("[bench] line 4 ", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogControlRoute_BadBody_Returns400()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        await sandbox.CreateOkAsync(Workflows.Ingestion("wf-bench"));

        using var response = await sandbox.Client.PostAsJsonAsync(
            $"/sandbox/argo/workflows/{ArgoSandbox.Namespace}/wf-bench/log", new { lines = -1, lineBytes = 40 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Logs_TwoRunningPods_AreInterleaved()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        await sandbox.CreateOkAsync(RunWorkflows.Retried("wf-two", Workflows.ConfigWith("sandbox-outcome: Failed"), limit: 1));
        sandbox.Time.Advance(TimeSpan.FromSeconds(0.2));
        sandbox.Time.Advance(TimeSpan.FromSeconds(1));
        sandbox.Time.Advance(TimeSpan.FromSeconds(0.2));

        await using var stream = await sandbox.OpenStreamAsync($"{WorkflowPath}/wf-two/log?logOptions.container=main");
        var pods = (await stream.ReadToEndAsync()).Select(line => RunWorkflows.Text(JsonNode.Parse(line)!["result"]!["podName"])).ToList();

        Assert.Equal(2, pods.Distinct().Count());
        Assert.NotEqual(pods[0], pods[1]);
    }

    /// <summary>wf-exit: main succeeds, the exit handler succeeds; the main pod has just started.</summary>
    private static async Task<SandboxServer> StartedAsync()
    {
        var sandbox = await ArgoSandbox.StartAsync();
        await sandbox.CreateOkAsync(RunWorkflows.WithExitHandler("wf-exit", Workflows.ValidConfig, Workflows.ValidConfig));
        sandbox.Time.Advance(TimeSpan.FromSeconds(0.2));
        return sandbox;
    }
}
