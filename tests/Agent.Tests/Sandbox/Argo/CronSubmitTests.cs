using System.Net;
using System.Text.Json.Nodes;

namespace Agent.Tests.Sandbox.Argo;

public class CronSubmitTests
{
    [Theory]
    [InlineData("CronWorkflow")]
    [InlineData("cronwf")]
    public async Task Submit_CronWorkflowKind_CreatesLabelledWorkflowNamedAfterTick(string kind)
    {
        await using var sandbox = await StartWithCronAsync();
        var body = new JsonObject
        {
            ["resourceKind"] = kind,
            ["resourceName"] = "nightly",
            ["submitOptions"] = new JsonObject { ["labels"] = "correlation=abc" },
        };

        using var response = await sandbox.Client.PostAsync($"/api/v1/workflows/{ArgoSandbox.Namespace}/submit", ArgoSandbox.JsonBody(body));
        var workflow = await ArgoSandbox.ReadObjectAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var expectedName = $"nightly-{sandbox.Time.GetUtcNow().ToUnixTimeSeconds()}";
        Assert.Equal(expectedName, workflow["metadata"]!["name"]!.GetValue<string>());
        var labels = workflow["metadata"]!["labels"]!;
        Assert.Equal("nightly", labels["workflows.argoproj.io/cron-workflow"]!.GetValue<string>());
        Assert.Equal("nightly", labels["pipeline"]!.GetValue<string>());
        Assert.Equal("abc", labels["correlation"]!.GetValue<string>());
        Assert.Equal("Running", sandbox.Emulator.GetWorkflow(ArgoSandbox.Namespace, expectedName)["status"]!["phase"]!.GetValue<string>());
    }

    [Fact]
    public async Task Submit_UnsupportedKind_Returns400()
    {
        await using var sandbox = await StartWithCronAsync();
        var body = new JsonObject { ["resourceKind"] = "Pod", ["resourceName"] = "nightly" };

        using var response = await sandbox.Client.PostAsync($"/api/v1/workflows/{ArgoSandbox.Namespace}/submit", ArgoSandbox.JsonBody(body));
        var error = await ArgoSandbox.ReadObjectAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Resource kind 'Pod' is not supported for submitting", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task TriggerRoute_TwoTicks_CreatesTwoWorkflows()
    {
        await using var sandbox = await StartWithCronAsync();

        using var first = await sandbox.Client.PostAsync($"/sandbox/argo/cron-workflows/{ArgoSandbox.Namespace}/nightly/trigger", null);
        sandbox.Time.Advance(TimeSpan.FromMinutes(1));
        using var second = await sandbox.Client.PostAsync($"/sandbox/argo/cron-workflows/{ArgoSandbox.Namespace}/nightly/trigger", null);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(2, sandbox.Emulator.ListWorkflows(ArgoSandbox.Namespace).Count);
    }

    private static async Task<SandboxServer> StartWithCronAsync()
    {
        var sandbox = await ArgoSandbox.StartAsync();
        sandbox.Emulator.CreateCronWorkflow(ArgoSandbox.Namespace, CronWorkflows.CreateBody(CronWorkflows.Nightly("nightly")));
        return sandbox;
    }
}
