using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Agent.Tests.Sandbox.Argo;

public class WorkflowLifecycleTests
{
    private const string WorkflowPath = $"/api/v1/workflows/{ArgoSandbox.Namespace}";

    [Fact]
    public async Task Clock_DefaultTimings_RunningAtOnceWithPodPendingThenRunningThenSucceeded()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        await sandbox.CreateOkAsync(Workflows.Ingestion("wf-clock"));

        var pending = await sandbox.GetJsonAsync($"{WorkflowPath}/wf-clock");
        sandbox.Time.Advance(TimeSpan.FromSeconds(0.2));
        var running = await sandbox.GetJsonAsync($"{WorkflowPath}/wf-clock");
        sandbox.Time.Advance(TimeSpan.FromSeconds(1));
        var done = await sandbox.GetJsonAsync($"{WorkflowPath}/wf-clock");

        // FIDELITY §6.1/§6.2: the workflow is Running at once; its pod node is Pending (ContainerCreating), then Running.
        Assert.Equal("Running", pending["status"]!["phase"]!.GetValue<string>());
        Assert.Equal("Pending", pending["status"]!["nodes"]!["wf-clock"]!["phase"]!.GetValue<string>());
        Assert.Equal("ContainerCreating", pending["status"]!["nodes"]!["wf-clock"]!["message"]!.GetValue<string>());
        Assert.Equal("2026-03-01T12:00:00Z", pending["status"]!["startedAt"]!.GetValue<string>());
        Assert.Equal("Running", running["status"]!["phase"]!.GetValue<string>());
        Assert.Equal("Running", running["status"]!["nodes"]!["wf-clock"]!["phase"]!.GetValue<string>());
        Assert.Equal("Succeeded", done["status"]!["phase"]!.GetValue<string>());
        Assert.Equal("1/1", done["status"]!["progress"]!.GetValue<string>());
        Assert.Equal("2026-03-01T12:00:01Z", done["status"]!["finishedAt"]!.GetValue<string>());
        Assert.Equal("true", done["metadata"]!["labels"]!["workflows.argoproj.io/completed"]!.GetValue<string>());
        Assert.Equal("Succeeded", done["metadata"]!["labels"]!["workflows.argoproj.io/phase"]!.GetValue<string>());
        Assert.True(Version(done) > Version(running) && Version(running) > Version(pending));
    }

    [Theory]
    [InlineData("Failed")]
    [InlineData("Error")]
    public async Task Clock_OutcomeMarkerInConfig_EndsInThatPhase(string outcome)
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        await sandbox.CreateOkAsync(Workflows.Ingestion("wf-marked", config: Workflows.ConfigWith($"sandbox-outcome: {outcome}")));

        sandbox.Time.Advance(TimeSpan.FromSeconds(0.2));
        sandbox.Time.Advance(TimeSpan.FromSeconds(1));
        var done = await sandbox.GetJsonAsync($"{WorkflowPath}/wf-marked");

        Assert.Equal(outcome, done["status"]!["phase"]!.GetValue<string>());
        Assert.Equal("0/1", done["status"]!["progress"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(done["status"]!["message"]!.GetValue<string>()));
        Assert.Equal(outcome, done["metadata"]!["labels"]!["workflows.argoproj.io/phase"]!.GetValue<string>());
    }

    [Fact]
    public async Task Clock_DefaultOutcomeOption_AppliesWithoutMarker()
    {
        await using var sandbox = await ArgoSandbox.StartAsync(new() { ["Sandbox:Argo:DefaultOutcome"] = "Failed", ["Sandbox:Argo:PendingSeconds"] = "0" });
        await sandbox.CreateOkAsync(Workflows.Ingestion("wf-default"));

        var running = await sandbox.GetJsonAsync($"{WorkflowPath}/wf-default");
        sandbox.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal("Running", running["status"]!["phase"]!.GetValue<string>());
        Assert.Equal("Failed", (await sandbox.GetJsonAsync($"{WorkflowPath}/wf-default"))["status"]!["phase"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("stop", "Stop")]
    [InlineData("terminate", "Terminate")]
    public async Task Shutdown_RunningWorkflow_SetsStrategyAndFails(string action, string strategy)
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        await sandbox.CreateOkAsync(Workflows.Ingestion("wf-stop"));
        sandbox.Time.Advance(TimeSpan.FromSeconds(0.2));

        using var response = await sandbox.Client.PutAsync($"{WorkflowPath}/wf-stop/{action}", ArgoSandbox.JsonBody(new JsonObject()));
        var patched = await ArgoSandbox.ReadObjectAsync(response);
        var after = await sandbox.GetJsonAsync($"{WorkflowPath}/wf-stop");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(strategy, patched["spec"]!["shutdown"]!.GetValue<string>());
        Assert.Equal("Failed", after["status"]!["phase"]!.GetValue<string>());
        Assert.Equal($"Stopped with strategy '{strategy}'", after["status"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Shutdown_CompletedWorkflow_Returns400FailedPrecondition()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        await sandbox.CreateOkAsync(Workflows.Ingestion("wf-done"));
        sandbox.Emulator.ForcePhase(ArgoSandbox.Namespace, "wf-done", "Succeeded");

        using var response = await sandbox.Client.PutAsync($"{WorkflowPath}/wf-done/terminate", ArgoSandbox.JsonBody(new JsonObject()));
        var error = await ArgoSandbox.ReadObjectAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(9, error["code"]!.GetValue<int>());
        Assert.Contains("cannot shutdown a completed workflow", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shutdown_MissingWorkflow_Returns404()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();

        using var response = await sandbox.Client.PutAsync($"{WorkflowPath}/ghost/stop", ArgoSandbox.JsonBody(new JsonObject()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ForcePhaseRoute_Failed_CompletesWithMessageAndStopsClock()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        await sandbox.CreateOkAsync(Workflows.Ingestion("wf-forced"));

        using var response = await sandbox.Client.PostAsJsonAsync(
            $"/sandbox/argo/workflows/{ArgoSandbox.Namespace}/wf-forced/phase", new { phase = "Failed", message = "disk full" });
        sandbox.Time.Advance(TimeSpan.FromSeconds(5));
        var after = await sandbox.GetJsonAsync($"{WorkflowPath}/wf-forced");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Failed", after["status"]!["phase"]!.GetValue<string>());
        Assert.Equal("disk full", after["status"]!["message"]!.GetValue<string>());
        Assert.NotNull(after["status"]!["finishedAt"]);
        Assert.Equal("true", after["metadata"]!["labels"]!["workflows.argoproj.io/completed"]!.GetValue<string>());
    }

    [Fact]
    public async Task ForcePhaseRoute_UnknownPhase_Returns400()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        await sandbox.CreateOkAsync(Workflows.Ingestion("wf-odd"));

        using var response = await sandbox.Client.PostAsJsonAsync(
            $"/sandbox/argo/workflows/{ArgoSandbox.Namespace}/wf-odd/phase", new { phase = "Exploded" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static long Version(JsonObject workflow) => long.Parse(workflow["metadata"]!["resourceVersion"]!.GetValue<string>());
}
