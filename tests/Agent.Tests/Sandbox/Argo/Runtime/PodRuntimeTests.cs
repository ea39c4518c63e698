using System.Text.Json.Nodes;

namespace Agent.Tests.Sandbox.Argo.Runtime;

/// <summary>Retries, pod-build errors, container start and Pending reasons (FIDELITY §3.3, §3.6, §5, §6.2).</summary>
public class PodRuntimeTests
{
    private const string WorkflowPath = $"/api/v1/workflows/{ArgoSandbox.Namespace}";

    [Fact]
    public async Task Retry_LimitTwoAllFail_ThreeAttemptPodsUnderRetryNodeAndNoMoreRetriesLeft()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        await sandbox.CreateOkAsync(RunWorkflows.Retried("wf-retry", Workflows.ConfigWith("sandbox-outcome: Failed"), limit: 2));
        for (var attempt = 0; attempt < 3; attempt++)
        {
            sandbox.Time.Advance(TimeSpan.FromSeconds(0.2));
            sandbox.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var done = await sandbox.GetJsonAsync($"{WorkflowPath}/wf-retry");
        await using var logs = await sandbox.OpenStreamAsync($"{WorkflowPath}/wf-retry/log?logOptions.container=main");
        var pods = (await logs.ReadToEndAsync()).Select(line => RunWorkflows.Text(JsonNode.Parse(line)!["result"]!["podName"])).ToHashSet();

        var retry = RunWorkflows.Node(done, "wf-retry");
        Assert.Equal("Retry", RunWorkflows.Text(retry["type"]));
        Assert.Equal("No more retries left", RunWorkflows.Text(retry["message"]));
        Assert.Equal(["wf-retry-2155657978", "wf-retry-1551516599", "wf-retry-4236376924"], retry["children"]!.AsArray().Select(RunWorkflows.Text));
        Assert.Equal("wf-retry(2)", RunWorkflows.Text(RunWorkflows.Node(done, "wf-retry-4236376924")["name"]));
        Assert.Equal("main: Error (exit code 1)", RunWorkflows.Text(RunWorkflows.Node(done, "wf-retry-4236376924")["message"]));
        Assert.Equal("Failed", RunWorkflows.Text(done["status"]!["phase"]));
        Assert.Equal(["wf-retry-main-1551516599", "wf-retry-main-2155657978", "wf-retry-main-4236376924"], pods.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Retry_ErrorUnderDefaultPolicy_IsNotRetried()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        await sandbox.CreateOkAsync(RunWorkflows.Retried("wf-retry", Workflows.ConfigWith("sandbox-outcome: Error"), limit: 2));
        sandbox.Time.Advance(TimeSpan.FromSeconds(0.2));
        sandbox.Time.Advance(TimeSpan.FromSeconds(1));

        var done = await sandbox.GetJsonAsync($"{WorkflowPath}/wf-retry");

        Assert.Equal("Error", RunWorkflows.Text(done["status"]!["phase"]));
        Assert.Single(RunWorkflows.Node(done, "wf-retry")["children"]!.AsArray());
    }

    [Fact]
    public async Task AutomountFalseWithoutExecutorAccount_AcceptedThenErrorWithoutPod()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        var workflow = RunWorkflows.WithExitHandler("wf-sa", Workflows.ValidConfig, Workflows.ValidConfig);
        workflow["spec"]!["automountServiceAccountToken"] = false;

        await sandbox.CreateOkAsync(workflow);
        var done = await sandbox.GetJsonAsync($"{WorkflowPath}/wf-sa");
        await using var logs = await sandbox.OpenStreamAsync($"{WorkflowPath}/wf-sa/log?logOptions.container=main");

        const string Message = "executor.serviceAccountName must not be empty if automountServiceAccountToken is false";
        Assert.Equal("Error", RunWorkflows.Text(done["status"]!["phase"]));
        Assert.Equal($"error in entry template execution: {Message}", RunWorkflows.Text(done["status"]!["message"]));
        Assert.Equal(Message, RunWorkflows.Text(RunWorkflows.Node(done, "wf-sa")["message"]));
        Assert.Single(done["status"]!["nodes"]!.AsObject());
        Assert.Empty(await logs.ReadToEndAsync());
    }

    [Fact]
    public async Task AutomountFalseWithExecutorAccount_Runs()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        var workflow = Workflows.Ingestion("wf-sa");
        workflow["spec"]!["automountServiceAccountToken"] = false;
        workflow["spec"]!["executor"] = new JsonObject { ["serviceAccountName"] = "argo-executor" };

        await sandbox.CreateOkAsync(workflow);

        Assert.Equal("Pending", RunWorkflows.Text(RunWorkflows.Node(await sandbox.GetJsonAsync($"{WorkflowPath}/wf-sa"), "wf-sa")["phase"]));
    }

    [Fact]
    public async Task ConfigOverExecLimit_ContainerExits255WithArgumentListTooLong()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        await sandbox.CreateOkAsync(Workflows.Ingestion("wf-big", config: Workflows.ConfigWith(new string('x', 131_072))));
        sandbox.Time.Advance(TimeSpan.FromSeconds(0.2));

        var done = await sandbox.GetJsonAsync($"{WorkflowPath}/wf-big");
        await using var logs = await sandbox.OpenStreamAsync($"{WorkflowPath}/wf-big/log?logOptions.container=main");

        Assert.Equal("Failed", RunWorkflows.Text(done["status"]!["phase"]));
        Assert.Equal("main: Error (exit code 255)", RunWorkflows.Text(RunWorkflows.Node(done, "wf-big")["message"]));
        Assert.Equal("255", RunWorkflows.Text(RunWorkflows.Node(done, "wf-big")["outputs"]!["exitCode"]));
        Assert.Contains("exec /var/run/argo/argoexec: argument list too long", Assert.Single(await logs.ReadToEndAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnvValues_ArgoSubstitutionThenKubeletExpansion_ReachTheProgram()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        var workflow = Workflows.Ingestion("wf-env", config: Workflows.ValidConfig.Replace(
            "ingestionPipelineFQN: mysql.metadata", "ingestionPipelineFQN: $(SERVICE).{{workflow.name}}.pa$$word.$(pipelineType)", StringComparison.Ordinal));
        workflow["spec"]!["templates"]![0]!["container"]!["env"]!.AsArray().Insert(0, Workflows.Env("SERVICE", "mysql"));
        await sandbox.CreateOkAsync(workflow);
        sandbox.Time.Advance(TimeSpan.FromSeconds(0.2));

        await using var logs = await sandbox.OpenStreamAsync($"{WorkflowPath}/wf-env/log?logOptions.container=main");
        var first = JsonNode.Parse((await logs.ReadToEndAsync())[0])!["result"]!["content"]!;

        // pipelineType is declared after config, so its reference stays as written (FIDELITY §5.2).
        Assert.Equal("[main] Starting ingestion pipeline mysql.wf-env.pa$word.$(pipelineType)", RunWorkflows.Text(first));
    }

    [Fact]
    public async Task PendingMarker_KeepsPodPendingWithReasonUntilRunningForced()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        const string Reason = "ImagePullBackOff: Back-off pulling image \"openmetadata/ingestion-base:1.9\"";
        await sandbox.CreateOkAsync(Workflows.Ingestion("wf-queued", config: Workflows.ConfigWith($"sandbox-pending: {Reason}")));
        sandbox.Time.Advance(TimeSpan.FromMinutes(10));

        var queued = await sandbox.GetJsonAsync($"{WorkflowPath}/wf-queued");
        var forced = sandbox.Emulator.ForcePhase(ArgoSandbox.Namespace, "wf-queued", "Running");
        sandbox.Time.Advance(TimeSpan.FromSeconds(1));
        var done = await sandbox.GetJsonAsync($"{WorkflowPath}/wf-queued");

        Assert.Equal("Running", RunWorkflows.Text(queued["status"]!["phase"]));
        Assert.Equal("Pending", RunWorkflows.Text(RunWorkflows.Node(queued, "wf-queued")["phase"]));
        Assert.Equal(Reason, RunWorkflows.Text(RunWorkflows.Node(queued, "wf-queued")["message"]));
        Assert.Equal("Running", RunWorkflows.Text(RunWorkflows.Node(forced, "wf-queued")["phase"]));
        Assert.Equal("Succeeded", RunWorkflows.Text(done["status"]!["phase"]));
    }
}
