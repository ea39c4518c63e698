using System.Net;
using System.Text.Json.Nodes;

namespace Agent.Tests.Sandbox.Argo;

public class WatchTests
{
    private const string WatchPath = $"/api/v1/workflow-events/{ArgoSandbox.Namespace}";

    [Fact]
    public async Task Watch_Ndjson_SendsAddedForExistingThenModifiedOnPhaseChange()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        await sandbox.CreateOkAsync(Workflows.Ingestion("wf-watched"));
        await using var stream = await sandbox.OpenStreamAsync($"{WatchPath}?listOptions.fieldSelector=metadata.name%3Dwf-watched");

        var added = await stream.ReadObjectAsync();
        sandbox.Time.Advance(TimeSpan.FromSeconds(0.2));
        var modified = await stream.ReadObjectAsync();

        Assert.Equal("application/json", stream.Response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("ADDED", added["result"]!["type"]!.GetValue<string>());
        // FIDELITY §6.1/§6.2: the workflow is Running at once; the change 0.2 s later is its pod leaving Pending.
        Assert.Equal("Running", added["result"]!["object"]!["status"]!["phase"]!.GetValue<string>());
        Assert.Equal("Pending", added["result"]!["object"]!["status"]!["nodes"]!["wf-watched"]!["phase"]!.GetValue<string>());
        Assert.Equal("MODIFIED", modified["result"]!["type"]!.GetValue<string>());
        Assert.Equal("Running", modified["result"]!["object"]!["status"]!["nodes"]!["wf-watched"]!["phase"]!.GetValue<string>());
    }

    [Fact]
    public async Task Watch_LabelSelector_SkipsOtherWorkflowsAndHonoursFields()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        await using var stream = await sandbox.OpenStreamAsync(
            $"{WatchPath}?listOptions.labelSelector=run%3Dmine&fields=result.object.metadata.name,result.object.status.phase");

        await sandbox.CreateOkAsync(Workflows.Ingestion("wf-other", labels: Workflows.Labels(("run", "theirs"))));
        await sandbox.CreateOkAsync(Workflows.Ingestion("wf-mine", labels: Workflows.Labels(("run", "mine"))));
        var added = await stream.ReadObjectAsync();
        var pending = await stream.ReadObjectAsync();

        Assert.Equal("ADDED", added["result"]!["type"]!.GetValue<string>());
        // Argo keeps a parent of a requested path even when it has nothing left: status is {} before the controller acts.
        Assert.Equal("""{"metadata":{"name":"wf-mine"},"status":{}}""", added["result"]!["object"]!.ToJsonString());
        Assert.Equal("MODIFIED", pending["result"]!["type"]!.GetValue<string>());
        Assert.Equal("""{"metadata":{"name":"wf-mine"},"status":{"phase":"Running"}}""", pending["result"]!["object"]!.ToJsonString());
    }

    [Fact]
    public async Task Watch_ServerSentEvents_FramesWithTrailingSpaceAndKeepAlive()
    {
        // The phase clock is parked so the 15 s advance produces the keep-alive and nothing else.
        await using var sandbox = await ArgoSandbox.StartAsync(new() { ["Sandbox:Argo:PendingSeconds"] = "3600" });
        await sandbox.CreateOkAsync(Workflows.Ingestion("wf-sse"));
        await using var stream = await sandbox.OpenStreamAsync(WatchPath, serverSentEvents: true);

        var data = await stream.ReadLineAsync();
        var blank = await stream.ReadLineAsync();
        sandbox.Time.Advance(TimeSpan.FromSeconds(15));
        var keepAlive = await stream.ReadLineAsync();

        Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("data: {\"result\":{\"type\":\"ADDED\"", data, StringComparison.Ordinal);
        Assert.EndsWith("} ", data, StringComparison.Ordinal);
        Assert.Equal("", blank);
        Assert.Equal(":", keepAlive);
    }

    [Fact]
    public async Task Watch_ResumeFromResourceVersion_ReplaysOnlyLaterEvents()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        var created = await sandbox.CreateOkAsync(Workflows.Ingestion("wf-resume"));
        var version = created["metadata"]!["resourceVersion"]!.GetValue<string>();

        await using var stream = await sandbox.OpenStreamAsync($"{WatchPath}?listOptions.resourceVersion={version}");
        var replayed = await stream.ReadObjectAsync();

        Assert.Equal("MODIFIED", replayed["result"]!["type"]!.GetValue<string>());
        Assert.Equal("Running", replayed["result"]!["object"]!["status"]!["phase"]!.GetValue<string>());
    }

    [Fact]
    public async Task Watch_TooOldResourceVersion_SendsInBandBadRequestAndEnds()
    {
        await using var sandbox = await ArgoSandbox.StartAsync(new() { ["Sandbox:Argo:EventRetention"] = "2" });
        await sandbox.CreateOkAsync(Workflows.Ingestion("wf-old-1"));
        await sandbox.CreateOkAsync(Workflows.Ingestion("wf-old-2"));

        await using var stream = await sandbox.OpenStreamAsync($"{WatchPath}?listOptions.resourceVersion=1");
        var lines = await stream.ReadToEndAsync();

        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
        var error = Assert.Single(lines);
        var body = JsonNode.Parse(error)!["error"]!;
        Assert.Equal(3, body["grpc_code"]!.GetValue<int>());
        Assert.Equal(400, body["http_code"]!.GetValue<int>());
        Assert.Equal("Bad Request", body["http_status"]!.GetValue<string>());
        Assert.StartsWith("too old resource version: 1", body["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_CloseRoute_EndsStreamWithWatchClosedError()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        await using var stream = await sandbox.OpenStreamAsync(WatchPath);
        await sandbox.CreateOkAsync(Workflows.Ingestion("wf-before-close"));
        await stream.ReadUntilAsync(item => item["result"]?["type"]?.GetValue<string>() == "ADDED");

        using var closed = await sandbox.Client.PostAsync("/sandbox/argo/watches/close", null);
        var last = await stream.ReadUntilAsync(item => item.ContainsKey("error"));

        Assert.Equal(
            """{"error":{"grpc_code":8,"http_code":429,"message":"watch closed","http_status":"Too Many Requests"}}""",
            last.ToJsonString());
        Assert.Null(await stream.ReadLineAsync());
        Assert.Equal(0, sandbox.Emulator.OpenWatches);
    }

    /// <summary>The fault for issue 12 finding 5: every watch ends at once as Argo ends one whose k8s watch closed.</summary>
    [Fact]
    public async Task Watch_WatchEndsAtOnceFault_SendsOnlyTheInBandEofAndEnds()
    {
        await using var sandbox = await ArgoSandbox.StartAsync(new() { ["Sandbox:Argo:Faults:WatchEndsAtOnce"] = "true" });
        await sandbox.CreateOkAsync(Workflows.Ingestion("wf-unseen"));

        await using var stream = await sandbox.OpenStreamAsync(WatchPath);
        var lines = await stream.ReadToEndAsync();

        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
        Assert.Equal(
            """{"error":{"grpc_code":8,"http_code":429,"message":"EOF","http_status":"Too Many Requests"}}""",
            Assert.Single(lines));
    }

    [Fact]
    public async Task Watch_MalformedSelector_FailsBeforeHeadersWithStreamErrorShape()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();

        using var response = await sandbox.Client.GetAsync($"{WatchPath}?listOptions.labelSelector=a%20in%20b");
        var body = await ArgoSandbox.ReadObjectAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(3, body["error"]!["grpc_code"]!.GetValue<int>());
    }
}
