using System.Text.Json.Nodes;

namespace Agent.Tests.Sandbox.Argo;

public class SandboxInspectionTests
{
    [Fact]
    public async Task WorkflowsRoute_AfterCreate_ListsNamePhaseAndLabels()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        await sandbox.CreateOkAsync(Workflows.Ingestion("wf-listed", labels: Workflows.Labels(("team", "data"))));

        using var response = await sandbox.Client.GetAsync("/sandbox/argo/workflows");
        var rows = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();

        var row = Assert.Single(rows)!;
        Assert.Equal("wf-listed", row["name"]!.GetValue<string>());
        Assert.Equal(ArgoSandbox.Namespace, row["namespace"]!.GetValue<string>());
        Assert.Equal("Running", row["phase"]!.GetValue<string>());
        Assert.Equal("data", row["labels"]!["team"]!.GetValue<string>());
    }

    [Fact]
    public async Task CronWorkflowsRoute_AfterCreate_ListsSchedules()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        sandbox.Emulator.CreateCronWorkflow(ArgoSandbox.Namespace, CronWorkflows.CreateBody(CronWorkflows.Nightly("nightly")));

        using var response = await sandbox.Client.GetAsync("/sandbox/argo/cron-workflows");
        var row = Assert.Single(JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray())!;

        Assert.Equal("nightly", row["name"]!.GetValue<string>());
        Assert.Equal("0 2 * * *", row["schedules"]![0]!.GetValue<string>());
        Assert.False(row["suspended"]!.GetValue<bool>());
    }
}
