using System.Net;
using System.Text.Json.Nodes;

namespace Agent.Tests.Sandbox.Argo;

public class WorkflowListTests
{
    private const string ListPath = $"/api/v1/workflows/{ArgoSandbox.Namespace}";

    [Theory]
    [InlineData("team=data", "wf-a,wf-b")]
    [InlineData("team==data", "wf-a,wf-b")]
    [InlineData("team!=data", "wf-c")]
    [InlineData("tier in (gold,bronze)", "wf-a,wf-c")]
    [InlineData("tier notin (gold)", "wf-b,wf-c")]
    [InlineData("tier", "wf-a,wf-b,wf-c")]
    [InlineData("!team", "wf-c")]
    [InlineData("team=data,tier=silver", "wf-b")]
    public async Task List_LabelSelector_ReturnsMatchingWorkflows(string selector, string expected)
    {
        await using var sandbox = await StartWithThreeAsync();

        var list = await sandbox.GetJsonAsync($"{ListPath}?listOptions.labelSelector={Uri.EscapeDataString(selector)}");

        Assert.Equal(expected, Names(list));
    }

    [Fact]
    public async Task List_NothingMatches_ReturnsNullItems()
    {
        await using var sandbox = await StartWithThreeAsync();

        using var response = await sandbox.Client.GetAsync($"{ListPath}?listOptions.labelSelector=team%3Dnobody");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Contains("\"items\":null", body, StringComparison.Ordinal);
        Assert.Equal(sandbox.Emulator.ResourceVersion.ToString(), JsonNode.Parse(body)!["metadata"]!["resourceVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task List_NewestFirst_OrdersByCreationTimestampThenName()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        await sandbox.CreateOkAsync(Workflows.Ingestion("old-b"));
        await sandbox.CreateOkAsync(Workflows.Ingestion("old-a"));
        sandbox.Time.Advance(TimeSpan.FromMinutes(1));
        await sandbox.CreateOkAsync(Workflows.Ingestion("new"));

        Assert.Equal("new,old-a,old-b", Names(await sandbox.GetJsonAsync(ListPath)));
    }

    [Fact]
    public async Task List_FieldSelectorOnName_FiltersByName()
    {
        await using var sandbox = await StartWithThreeAsync();

        Assert.Equal("wf-b", Names(await sandbox.GetJsonAsync($"{ListPath}?listOptions.fieldSelector=metadata.name%3Dwf-b")));
        Assert.Equal("wf-a,wf-c", Names(await sandbox.GetJsonAsync($"{ListPath}?listOptions.fieldSelector=metadata.name!%3Dwf-b")));
    }

    [Theory]
    [InlineData("listOptions.fieldSelector=status.phase%3DRunning", "unsupported requirement status.phase=Running")]
    [InlineData("listOptions.labelSelector=tier%20in%20gold", "unable to parse requirement")]
    [InlineData("listOptions.continue=abc", "listOptions.continue must be int")]
    [InlineData("listOptions.limit=ten", "listOptions.limit")]
    public async Task List_BadListOptions_Returns400InvalidArgument(string query, string expected)
    {
        await using var sandbox = await StartWithThreeAsync();

        using var response = await sandbox.Client.GetAsync($"{ListPath}?{query}");
        var error = await ArgoSandbox.ReadObjectAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(3, error["code"]!.GetValue<int>());
        Assert.Contains(expected, error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_LimitAndContinue_PagesThroughAllItems()
    {
        await using var sandbox = await StartWithThreeAsync();

        var first = await sandbox.GetJsonAsync($"{ListPath}?listOptions.limit=2");
        var token = first["metadata"]!["continue"]!.GetValue<string>();
        var second = await sandbox.GetJsonAsync($"{ListPath}?listOptions.limit=2&listOptions.continue={token}");

        Assert.Equal("wf-a,wf-b", Names(first));
        Assert.Equal("2", token);
        Assert.Equal("wf-c", Names(second));
        Assert.Null(second["metadata"]!["continue"]);
    }

    [Fact]
    public async Task List_FieldsInclude_KeepsOnlyRequestedPaths()
    {
        await using var sandbox = await StartWithThreeAsync();

        var list = await sandbox.GetJsonAsync($"{ListPath}?fields=items.metadata.name,items.status.phase");

        Assert.Null(list["metadata"]);
        var item = list["items"]![0]!.AsObject();
        Assert.Equal(["metadata", "status"], item.Select(p => p.Key).Order().ToArray());
        Assert.Equal(["name"], item["metadata"]!.AsObject().Select(p => p.Key).ToArray());
        Assert.Equal("Running", item["status"]!["phase"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_FieldsExclude_DropsRequestedPaths()
    {
        await using var sandbox = await StartWithThreeAsync();

        var workflow = await sandbox.GetJsonAsync($"{ListPath}/wf-a?fields=-spec,status.nodes");

        Assert.Null(workflow["spec"]);
        Assert.Null(workflow["status"]!["nodes"]);
        Assert.Equal("Running", workflow["status"]!["phase"]!.GetValue<string>());
        Assert.Equal("wf-a", workflow["metadata"]!["name"]!.GetValue<string>());
    }

    private static async Task<SandboxServer> StartWithThreeAsync()
    {
        var sandbox = await ArgoSandbox.StartAsync();
        await sandbox.CreateOkAsync(Workflows.Ingestion("wf-a", labels: Workflows.Labels(("team", "data"), ("tier", "gold"))));
        await sandbox.CreateOkAsync(Workflows.Ingestion("wf-b", labels: Workflows.Labels(("team", "data"), ("tier", "silver"))));
        await sandbox.CreateOkAsync(Workflows.Ingestion("wf-c", labels: Workflows.Labels(("tier", "bronze"))));
        return sandbox;
    }

    private static string Names(JsonObject list) =>
        string.Join(',', (list["items"] as JsonArray ?? []).Select(item => item!["metadata"]!["name"]!.GetValue<string>()));
}
