using System.Net;
using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Api;

namespace Agent.Tests.Sandbox.Argo;

public class WorkflowCrudTests
{
    [Fact]
    public async Task Create_ValidWorkflow_ReturnsStoredWorkflowWithServerFields()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();

        using var response = await sandbox.CreateAsync(Workflows.Ingestion("wf-one"));
        var created = await ArgoSandbox.ReadObjectAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("v4.1.2", response.Headers.GetValues(ArgoApiFilter.VersionHeader).Single());
        var metadata = created["metadata"]!;
        Assert.Equal(ArgoSandbox.Namespace, metadata["namespace"]!.GetValue<string>());
        Assert.True(Guid.TryParse(metadata["uid"]!.GetValue<string>(), out _));
        Assert.True(long.Parse(metadata["resourceVersion"]!.GetValue<string>()) > 0);
        Assert.Equal("2026-03-01T12:00:00Z", metadata["creationTimestamp"]!.GetValue<string>());
        Assert.Equal("false", metadata["labels"]!["workflows.argoproj.io/completed"]!.GetValue<string>());
        Assert.Equal("{}", created["status"]!.ToJsonString());
    }

    [Fact]
    public async Task Get_AfterCreate_RoundTripsClientSpec()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        var sent = Workflows.Ingestion("wf-round-trip");
        await sandbox.CreateOkAsync(sent);

        var read = await sandbox.GetJsonAsync($"/api/v1/workflows/{ArgoSandbox.Namespace}/wf-round-trip");

        Assert.Equal(sent["spec"]!.ToJsonString(), read["spec"]!.ToJsonString());
        Assert.Equal("wf-round-trip", read["metadata"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_DuplicateName_Returns409AlreadyExists()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        await sandbox.CreateOkAsync(Workflows.Ingestion("wf-dup"));

        using var response = await sandbox.CreateAsync(Workflows.Ingestion("wf-dup"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(
            """{"code":6,"message":"workflows.argoproj.io \"wf-dup\" already exists"}""",
            await response.Content.ReadAsStringAsync());
        Assert.False(response.Headers.Contains(ArgoApiFilter.VersionHeader));
    }

    [Fact]
    public async Task Get_MissingWorkflow_Returns404NotFound()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();

        using var response = await sandbox.Client.GetAsync($"/api/v1/workflows/{ArgoSandbox.Namespace}/nope");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(
            """{"code":5,"message":"workflows.argoproj.io \"nope\" not found"}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Create_EntrypointNotATemplate_Returns400NamingIt()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        var workflow = Workflows.Ingestion("wf-bad-entry");
        workflow["spec"]!["entrypoint"] = "does-not-exist";

        using var response = await sandbox.CreateAsync(workflow);
        var error = await ArgoSandbox.ReadObjectAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(3, error["code"]!.GetValue<int>());
        Assert.Contains("does-not-exist", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(sandbox.Emulator.ListWorkflows());
    }

    [Theory]
    [InlineData(null, null, "name or generateName is required")]
    [InlineData("Bad_Name", null, "RFC 1123")]
    [InlineData(null, "Bad_", "RFC 1123")]
    public async Task Create_InvalidName_Returns400InvalidArgument(string? name, string? generateName, string expected)
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        var workflow = Workflows.Ingestion("placeholder");
        workflow["metadata"] = new JsonObject { ["name"] = name, ["generateName"] = generateName };

        using var response = await sandbox.CreateAsync(workflow);
        var error = await ArgoSandbox.ReadObjectAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(3, error["code"]!.GetValue<int>());
        Assert.Contains(expected, error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_MissingWorkflowBody_Returns400()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();

        using var response = await sandbox.Client.PostAsync(
            $"/api/v1/workflows/{ArgoSandbox.Namespace}", ArgoSandbox.JsonBody(new JsonObject { ["namespace"] = "x" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(3, (await ArgoSandbox.ReadObjectAsync(response))["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Create_GenerateName_AppendsFiveRandomCharacters()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        var workflow = Workflows.Ingestion("unused");
        workflow["metadata"] = new JsonObject { ["generateName"] = "ingest-" };

        var created = await sandbox.CreateOkAsync(workflow);

        Assert.Matches("^ingest-[a-z0-9]{5}$", created["metadata"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_ClientDryRun_ReturnsWithoutStoring()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        var body = new JsonObject
        {
            ["workflow"] = Workflows.Ingestion("wf-dry"),
            ["createOptions"] = new JsonObject { ["dryRun"] = new JsonArray("All") },
        };

        using var response = await sandbox.Client.PostAsync($"/api/v1/workflows/{ArgoSandbox.Namespace}", ArgoSandbox.JsonBody(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(sandbox.Emulator.ListWorkflows());
    }

    [Fact]
    public async Task Delete_ExistingWorkflow_ReturnsEmptyObjectThen404()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        await sandbox.CreateOkAsync(Workflows.Ingestion("wf-del"));

        using var deleted = await sandbox.Client.DeleteAsync($"/api/v1/workflows/{ArgoSandbox.Namespace}/wf-del");
        using var again = await sandbox.Client.DeleteAsync($"/api/v1/workflows/{ArgoSandbox.Namespace}/wf-del");

        Assert.Equal("{}", await deleted.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }
}
