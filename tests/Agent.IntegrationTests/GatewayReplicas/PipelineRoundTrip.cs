using System.Text.Json;

namespace Agent.IntegrationTests.GatewayReplicas;

/// <summary>The Airflow routes OpenMetadata drives for one deployed DAG, each checked against what the Argo emulator then holds.</summary>
internal sealed class PipelineRoundTrip(SandboxServer sandbox, OmClient client, Func<string> context)
{
    public async Task DeployAsync()
    {
        var deployed = await ReplicaFixture.ExpectAsync(client.PostAsync("deploy", ReplicaFixture.Pipeline(sandbox)), 200, "deploy", context);
        Assert.Equal($"Workflow [{ReplicaFixture.DagId}] has been created", deployed.GetProperty("message").GetString());
        Assert.NotNull(ReplicaFixture.Cron(sandbox));
    }

    /// <summary>Trigger (a Workflow appears in Argo, so the stored config came back and was decrypted), status, logs, toggles.</summary>
    public async Task<string> RunAsync()
    {
        var before = sandbox.Emulator.ListWorkflows(ReplicaFixture.Namespace).Count;
        var triggered = await ReplicaFixture.ExpectAsync(client.PostAsync("trigger", ReplicaFixture.DagBody), 200, "trigger", context);
        var runId = triggered.GetProperty("runId").GetString()!;
        var workflows = sandbox.Emulator.ListWorkflows(ReplicaFixture.Namespace);
        Assert.Equal(before + 1, workflows.Count);

        // The run's pod is running, so the agent has logs to read back.
        var workflow = workflows.Single(w => w["metadata"]!["name"]!.GetValue<string>().EndsWith(runId.Replace("-", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal));
        sandbox.Emulator.ForcePhase(ReplicaFixture.Namespace, workflow["metadata"]!["name"]!.GetValue<string>(), "Running");

        var status = await ReplicaFixture.ExpectAsync(client.GetAsync($"status?dag_id={ReplicaFixture.DagId}"), 200, "status", context);
        Assert.Equal(JsonValueKind.Array, status.ValueKind);
        var logs = await ReplicaFixture.ExpectAsync(client.GetAsync($"last_dag_logs?dag_id={ReplicaFixture.DagId}&task_id=ingestion_task"), 200, "last_dag_logs", context);
        Assert.True(logs.TryGetProperty("total", out _), logs.GetRawText());

        await ReplicaFixture.ExpectAsync(client.PostAsync("disable", ReplicaFixture.DagBody), 200, "disable", context);
        Assert.True(Suspended(), "disable did not suspend the CronWorkflow");
        await ReplicaFixture.ExpectAsync(client.PostAsync("enable", ReplicaFixture.DagBody), 200, "enable", context);
        Assert.False(Suspended(), "enable did not resume the CronWorkflow");
        return runId;
    }

    public Task KillAsync() => ReplicaFixture.ExpectAsync(client.PostAsync("kill", ReplicaFixture.DagBody), 200, "kill", context);

    public async Task DeleteAsync()
    {
        await ReplicaFixture.ExpectAsync(client.DeleteAsync($"delete?dag_id={ReplicaFixture.DagId}"), 200, "delete", context);
        Assert.Null(ReplicaFixture.Cron(sandbox));
    }

    private bool Suspended() => ReplicaFixture.Cron(sandbox)?["spec"]?["suspend"]?.GetValue<bool>() ?? false;
}
