using System.Net;
using System.Text.Json.Nodes;

namespace Agent.Tests.Sandbox.Argo;

public class LogsTests
{
    private const string WorkflowPath = $"/api/v1/workflows/{ArgoSandbox.Namespace}";

    [Fact]
    public async Task Logs_RunningWorkflow_StreamsMainContainerLines()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        await sandbox.CreateOkAsync(Workflows.Ingestion("wf-logs"));
        sandbox.Time.Advance(TimeSpan.FromSeconds(0.2));

        await using var stream = await sandbox.OpenStreamAsync($"{WorkflowPath}/wf-logs/log?logOptions.container=main");
        var entries = (await stream.ReadToEndAsync()).Select(line => JsonNode.Parse(line)!["result"]!).ToList();

        Assert.All(entries, entry => Assert.Equal("wf-logs", entry["podName"]!.GetValue<string>()));
        Assert.Equal("[main] Starting ingestion pipeline mysql.metadata", entries[0]["content"]!.GetValue<string>());
        Assert.Equal("[main] pipelineType=metadata runId=9f3c2a1e-5b7d-4c8e-a1f0-2d6b8e4c7a90", entries[1]["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task Logs_Follow_StreamsUntilWorkflowFinishes()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        await sandbox.CreateOkAsync(Workflows.Ingestion("wf-follow", config: Workflows.ConfigWith("sandbox-outcome: Failed")));
        await using var stream = await sandbox.OpenStreamAsync($"{WorkflowPath}/wf-follow/log?logOptions.container=main&logOptions.follow=true");

        sandbox.Time.Advance(TimeSpan.FromSeconds(0.2));
        var first = await stream.ReadObjectAsync();
        sandbox.Time.Advance(TimeSpan.FromSeconds(1));
        var rest = await stream.ReadToEndAsync();

        Assert.StartsWith("[main] Starting ingestion pipeline", first["result"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("\"content\":\"[main] Workflow finished: Failed\"", rest[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_Grep_KeepsMatchingLinesOnly()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        await sandbox.CreateOkAsync(Workflows.Ingestion("wf-grep"));
        sandbox.Time.Advance(TimeSpan.FromSeconds(0.2));

        await using var stream = await sandbox.OpenStreamAsync($"{WorkflowPath}/wf-grep/log?logOptions.container=main&grep=runId%3D");
        var lines = await stream.ReadToEndAsync();

        Assert.Contains("runId=9f3c2a1e-5b7d-4c8e-a1f0-2d6b8e4c7a90", Assert.Single(lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_BeforeRunning_ReturnsEmptyStream()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        await sandbox.CreateOkAsync(Workflows.Ingestion("wf-early"));

        await using var stream = await sandbox.OpenStreamAsync($"{WorkflowPath}/wf-early/log?logOptions.container=main");

        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
        Assert.Empty(await stream.ReadToEndAsync());
    }

    [Fact]
    public async Task Logs_AfterPodsDeleted_ReturnsEmptyStream()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        await sandbox.CreateOkAsync(Workflows.Ingestion("wf-gc"));
        sandbox.Time.Advance(TimeSpan.FromSeconds(0.2));
        sandbox.Time.Advance(TimeSpan.FromSeconds(1));
        await using (var before = await sandbox.OpenStreamAsync($"{WorkflowPath}/wf-gc/log?logOptions.container=main"))
        {
            Assert.NotEmpty(await before.ReadToEndAsync());
        }

        using var deleted = await sandbox.Client.PostAsync($"/sandbox/argo/workflows/{ArgoSandbox.Namespace}/wf-gc/pods/delete", null);
        await using var after = await sandbox.OpenStreamAsync($"{WorkflowPath}/wf-gc/log?logOptions.container=main");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(await after.ReadToEndAsync());
    }

    [Fact]
    public async Task Logs_MissingWorkflow_Returns404WithStreamErrorBody()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();

        using var response = await sandbox.Client.GetAsync($"{WorkflowPath}/ghost/log");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(
            """{"error":{"grpc_code":5,"http_code":404,"message":"workflows.argoproj.io \"ghost\" not found","http_status":"Not Found"}}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Logs_OtherPodOrContainer_ReturnsNoLines()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        await sandbox.CreateOkAsync(Workflows.Ingestion("wf-pods"));
        sandbox.Time.Advance(TimeSpan.FromSeconds(0.2));
        const string LogPath = $"{WorkflowPath}/wf-pods/log";

        await using var otherPod = await sandbox.OpenStreamAsync($"{LogPath}?logOptions.container=main&podName=someone-else");
        await using var waitContainer = await sandbox.OpenStreamAsync($"{LogPath}?logOptions.container=wait");
        await using var mainPod = await sandbox.OpenStreamAsync($"{LogPath}?logOptions.container=main&podName=wf-pods");

        Assert.Empty(await otherPod.ReadToEndAsync());
        Assert.Empty(await waitContainer.ReadToEndAsync());
        Assert.NotEmpty(await mainPod.ReadToEndAsync());
    }
}
