namespace Agent.Tests.Sandbox.Argo.Runtime;

/// <summary>FIDELITY §1.1–§1.5: onExit runs as its own node and pod after the entry node, and decides the final phase.</summary>
public class ExitHandlerTests
{
    private const string WorkflowPath = $"/api/v1/workflows/{ArgoSandbox.Namespace}";
    private const string ExitNodeId = "wf-exit-3053604046";
    private const string ExitPod = "wf-exit-exit-handler-3053604046";

    [Fact]
    public async Task ExitHandler_MainSucceedsExitFails_StaysRunningThenFailedWithExitMessage()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        await sandbox.CreateOkAsync(RunWorkflows.WithExitHandler("wf-exit", Workflows.ValidConfig, RunWorkflows.AutomationConfig));

        sandbox.Time.Advance(TimeSpan.FromSeconds(0.2));
        sandbox.Time.Advance(TimeSpan.FromSeconds(1));
        var exitRunning = await GetAsync(sandbox);
        sandbox.Time.Advance(TimeSpan.FromSeconds(0.2));
        var exitStarted = await GetAsync(sandbox);
        sandbox.Time.Advance(TimeSpan.FromSeconds(0.5));
        var done = await GetAsync(sandbox);

        Assert.Equal("Running", RunWorkflows.Text(exitRunning["status"]!["phase"]));
        Assert.Equal("Succeeded", RunWorkflows.Text(RunWorkflows.Node(exitRunning, "wf-exit")["phase"]));
        Assert.Equal("Pending", RunWorkflows.Text(RunWorkflows.Node(exitRunning, ExitNodeId)["phase"]));
        Assert.Equal("Running", RunWorkflows.Text(exitStarted["status"]!["phase"]));
        var exitNode = RunWorkflows.Node(done, ExitNodeId);
        Assert.Equal("wf-exit.onExit", RunWorkflows.Text(exitNode["name"]));
        Assert.Equal("exit-handler", RunWorkflows.Text(exitNode["templateName"]));
        Assert.Equal("Failed", RunWorkflows.Text(exitNode["phase"]));
        Assert.Equal("Failed", RunWorkflows.Text(done["status"]!["phase"]));
        Assert.Equal("main: Error (exit code 1)", RunWorkflows.Text(done["status"]!["message"]));
    }

    [Fact]
    public async Task ExitHandler_Pod_IsLabelledOnExitAndSeesWorkflowStatus()
    {
        await using var sandbox = await ArgoSandbox.StartAsync(new() { ["Sandbox:Argo:DefaultOutcome"] = "Succeeded" });
        await sandbox.CreateOkAsync(RunWorkflows.WithExitHandler("wf-exit", Workflows.ConfigWith("sandbox-outcome: Failed"), Workflows.ValidConfig));
        sandbox.Time.Advance(TimeSpan.FromSeconds(0.2));
        sandbox.Time.Advance(TimeSpan.FromSeconds(1));
        sandbox.Time.Advance(TimeSpan.FromSeconds(0.2));
        sandbox.Time.Advance(TimeSpan.FromSeconds(0.5));

        await using var onExitOnly = await sandbox.OpenStreamAsync(
            $"{WorkflowPath}/wf-exit/log?logOptions.container=main&selector=workflows.argoproj.io/on-exit%3Dtrue");
        var lines = (await onExitOnly.ReadToEndAsync()).Select(line => System.Text.Json.Nodes.JsonNode.Parse(line)!["result"]!).ToList();
        var done = await GetAsync(sandbox);

        Assert.All(lines, line => Assert.Equal(ExitPod, RunWorkflows.Text(line["podName"])));
        Assert.Equal("[exit_handler] pipelineStatus=Failed", RunWorkflows.Text(lines[0]["content"]));
        // The entry node failed, so the workflow keeps its phase and message whatever the exit handler did.
        Assert.Equal("Succeeded", RunWorkflows.Text(RunWorkflows.Node(done, ExitNodeId)["phase"]));
        Assert.Equal("Failed", RunWorkflows.Text(done["status"]!["phase"]));
        Assert.Equal("main: Error (exit code 1)", RunWorkflows.Text(done["status"]!["message"]));
    }

    [Fact]
    public async Task Stop_RunningEntry_ExitHandlerStillRuns()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        await sandbox.CreateOkAsync(RunWorkflows.WithExitHandler("wf-exit", Workflows.ValidConfig, Workflows.ValidConfig));
        sandbox.Time.Advance(TimeSpan.FromSeconds(0.2));

        using var response = await sandbox.Client.PutAsync($"{WorkflowPath}/wf-exit/stop", ArgoSandbox.JsonBody(new System.Text.Json.Nodes.JsonObject()));
        var stopping = await GetAsync(sandbox);
        sandbox.Time.Advance(TimeSpan.FromSeconds(0.2));
        sandbox.Time.Advance(TimeSpan.FromSeconds(0.5));
        var done = await GetAsync(sandbox);

        Assert.Equal("Running", RunWorkflows.Text(stopping["status"]!["phase"]));
        Assert.Equal("Succeeded", RunWorkflows.Text(RunWorkflows.Node(done, ExitNodeId)["phase"]));
        Assert.Equal("Failed", RunWorkflows.Text(done["status"]!["phase"]));
        Assert.Equal("Stopped with strategy 'Stop'", RunWorkflows.Text(done["status"]!["message"]));
    }

    [Fact]
    public async Task Terminate_RunningEntry_SkipsExitHandler()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        await sandbox.CreateOkAsync(RunWorkflows.WithExitHandler("wf-exit", Workflows.ValidConfig, Workflows.ValidConfig));
        sandbox.Time.Advance(TimeSpan.FromSeconds(0.2));

        using var response = await sandbox.Client.PutAsync($"{WorkflowPath}/wf-exit/terminate", ArgoSandbox.JsonBody(new System.Text.Json.Nodes.JsonObject()));
        var done = await GetAsync(sandbox);

        Assert.Equal("Failed", RunWorkflows.Text(done["status"]!["phase"]));
        Assert.Equal("Stopped with strategy 'Terminate'", RunWorkflows.Text(done["status"]!["message"]));
        Assert.Null(done["status"]!["nodes"]![ExitNodeId]);
    }

    [Fact]
    public async Task ExitHandlerSecondsOption_TimesTheExitContainer()
    {
        await using var sandbox = await ArgoSandbox.StartAsync(new() { ["Sandbox:Argo:ExitHandlerSeconds"] = "30" });
        await sandbox.CreateOkAsync(RunWorkflows.WithExitHandler("wf-exit", Workflows.ValidConfig, Workflows.ValidConfig));
        sandbox.Time.Advance(TimeSpan.FromSeconds(0.2));
        sandbox.Time.Advance(TimeSpan.FromSeconds(1));
        sandbox.Time.Advance(TimeSpan.FromSeconds(0.2));

        sandbox.Time.Advance(TimeSpan.FromSeconds(29));
        var still = await GetAsync(sandbox);
        sandbox.Time.Advance(TimeSpan.FromSeconds(1));
        var done = await GetAsync(sandbox);

        Assert.Equal("Running", RunWorkflows.Text(still["status"]!["phase"]));
        Assert.Equal("Succeeded", RunWorkflows.Text(done["status"]!["phase"]));
        Assert.Equal("2/2", RunWorkflows.Text(done["status"]!["progress"]));
    }

    private static Task<System.Text.Json.Nodes.JsonObject> GetAsync(SandboxServer sandbox) => sandbox.GetJsonAsync($"{WorkflowPath}/wf-exit");
}
