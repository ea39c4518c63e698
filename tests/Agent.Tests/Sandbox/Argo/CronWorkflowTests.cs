using System.Net;
using System.Text.Json.Nodes;

namespace Agent.Tests.Sandbox.Argo;

public class CronWorkflowTests
{
    private const string CronPath = $"/api/v1/cron-workflows/{ArgoSandbox.Namespace}";

    [Fact]
    public async Task Create_ThenGet_RoundTripsWithServerFields()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();

        using var response = await CreateAsync(sandbox, CronWorkflows.Nightly("nightly"));
        var read = await sandbox.GetJsonAsync($"{CronPath}/nightly");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("0 2 * * *", read["spec"]!["schedules"]![0]!.GetValue<string>());
        Assert.NotNull(read["metadata"]!["uid"]);
        Assert.NotNull(read["metadata"]!["resourceVersion"]);
    }

    [Fact]
    public async Task Create_DuplicateName_Returns409()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        using var first = await CreateAsync(sandbox, CronWorkflows.Nightly("nightly"));

        using var second = await CreateAsync(sandbox, CronWorkflows.Nightly("nightly"));

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(
            """{"code":6,"message":"cronworkflows.argoproj.io \"nightly\" already exists"}""",
            await second.Content.ReadAsStringAsync());
    }

    /// <summary>Argo v4 has no `schedule` field: it is dropped like any unknown field (FIDELITY §3.0, §3.5).</summary>
    [Fact]
    public async Task Create_SingularSchedule_IsDroppedSoNoScheduleRemains()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        var cron = CronWorkflows.Nightly("old-style");
        cron["spec"]!.AsObject().Remove("schedules");
        cron["spec"]!["schedule"] = "0 2 * * *";

        using var response = await CreateAsync(sandbox, cron);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            """{"code":3,"message":"cron workflow must have at least one schedule"}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Create_NoSchedules_Returns400()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        var cron = CronWorkflows.Nightly("no-schedules");
        cron["spec"]!["schedules"] = new JsonArray();

        using var response = await CreateAsync(sandbox, cron);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task List_NoCronWorkflows_ReturnsNullItems()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();

        using var response = await sandbox.Client.GetAsync($"{CronPath}?listOptions.labelSelector=a%3Db");

        Assert.Contains("\"items\":null", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_CurrentResourceVersion_SucceedsAndStaleOneConflicts()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        using var created = await CreateAsync(sandbox, CronWorkflows.Nightly("nightly"));
        var current = await ArgoSandbox.ReadObjectAsync(created);
        current["spec"]!["schedules"] = new JsonArray("30 3 * * *");

        using var updated = await UpdateAsync(sandbox, current);
        using var stale = await UpdateAsync(sandbox, current);
        var conflict = await ArgoSandbox.ReadObjectAsync(stale);

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("30 3 * * *", (await sandbox.GetJsonAsync($"{CronPath}/nightly"))["spec"]!["schedules"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(6, conflict["code"]!.GetValue<int>());
        Assert.Contains("the object has been modified", conflict["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SuspendAndResume_SetSpecSuspend()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        using var created = await CreateAsync(sandbox, CronWorkflows.Nightly("nightly"));

        using var suspended = await sandbox.Client.PutAsync($"{CronPath}/nightly/suspend", ArgoSandbox.JsonBody(new JsonObject()));
        var afterSuspend = await ArgoSandbox.ReadObjectAsync(suspended);
        using var resumed = await sandbox.Client.PutAsync($"{CronPath}/nightly/resume", ArgoSandbox.JsonBody(new JsonObject()));
        var afterResume = await ArgoSandbox.ReadObjectAsync(resumed);

        Assert.True(afterSuspend["spec"]!["suspend"]!.GetValue<bool>());
        Assert.False(afterResume["spec"]!["suspend"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Delete_ExistingCron_RemovesIt()
    {
        await using var sandbox = await ArgoSandbox.StartAsync();
        using var created = await CreateAsync(sandbox, CronWorkflows.Nightly("nightly"));

        using var deleted = await sandbox.Client.DeleteAsync($"{CronPath}/nightly");
        using var missing = await sandbox.Client.GetAsync($"{CronPath}/nightly");

        Assert.Equal("{}", await deleted.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static Task<HttpResponseMessage> CreateAsync(SandboxServer sandbox, JsonObject cron) =>
        sandbox.Client.PostAsync(CronPath, ArgoSandbox.JsonBody(CronWorkflows.CreateBody(cron)));

    private static Task<HttpResponseMessage> UpdateAsync(SandboxServer sandbox, JsonObject cron) =>
        sandbox.Client.PutAsync($"{CronPath}/nightly", ArgoSandbox.JsonBody(new JsonObject { ["cronWorkflow"] = cron.DeepClone() }));
}
