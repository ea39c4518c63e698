using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Agent.Core.Execution;
using Agent.Core.Protocol.Messages;

namespace Agent.IntegrationTests.Kubernetes;

/// <summary>Schedules as CronJobs in the sandbox's emulator: deploy, toggle, a tick, unschedule.</summary>
public sealed class KubernetesSchedulerTests
{
    [Fact]
    public async Task Schedule_Toggle_Fire_Unschedule()
    {
        await using var rig = await KubernetesRig.StartAsync();
        var template = KubernetesRig.Run("unused", pipelineName: "metadata");

        var result = await rig.Scheduler.ScheduleAsync(new ScheduleRequest(template, "@daily", "Europe/Paris", Enabled: true), CancellationToken.None);
        var again = await rig.Scheduler.ScheduleAsync(new ScheduleRequest(template, "0 6 * * *", "Europe/Paris", Enabled: true), CancellationToken.None);

        Assert.Equal(ScheduleStatus.Scheduled, result.Status);
        var cron = Assert.Single(await rig.ListAsync("cronjobs"));
        Assert.Equal("0 6 * * *", cron["spec"]!["schedule"]!.GetValue<string>());
        Assert.Equal("Forbid", cron["spec"]!["concurrencyPolicy"]!.GetValue<string>());
        Assert.Equal(60, cron["spec"]!["startingDeadlineSeconds"]!.GetValue<int>());
        Assert.Equal(result.Name, again.Name);
        var secret = Assert.Single(await rig.ListAsync("secrets"));
        Assert.Equal("CronJob", secret["metadata"]!["ownerReferences"]![0]!["kind"]!.GetValue<string>());

        Assert.True(await rig.Scheduler.SetSuspendedAsync("mysql.metadata", true, CancellationToken.None));
        Assert.NotNull((await FireAsync(rig, result.Name!))["skipped"]);
        Assert.Empty(await rig.ListAsync("jobs"));

        Assert.True(await rig.Scheduler.SetSuspendedAsync("mysql.metadata", false, CancellationToken.None));
        await FireAsync(rig, result.Name!);
        var job = Assert.Single(await rig.ListAsync("jobs"));
        var uid = job["metadata"]!["uid"]!.GetValue<string>();
        rig.Advance(1);
        await rig.Observer.WaitForAsync(uid, PipelineStates.Running);
        rig.Advance(2);
        await rig.Observer.WaitForAsync(uid, PipelineStates.Success);

        await rig.Scheduler.UnscheduleAsync("mysql.metadata", CancellationToken.None);
        Assert.Empty(await rig.ListAsync("cronjobs"));
        Assert.Empty(await rig.ListAsync("secrets"));
        Assert.Empty(await rig.ListAsync("jobs"));
    }

    [Fact]
    public async Task InvalidSchedule_IsRefusedBeforeTheApiServer()
    {
        await using var rig = await KubernetesRig.StartAsync();

        var result = await rig.Scheduler.ScheduleAsync(new ScheduleRequest(KubernetesRig.Run("x"), "61 * * * *", null, true), CancellationToken.None);

        Assert.Equal(ScheduleStatus.InvalidSchedule, result.Status);
        Assert.Empty(await rig.ListAsync("cronjobs"));
    }

    private static async Task<JsonObject> FireAsync(KubernetesRig rig, string name)
    {
        using var response = await rig.Sandbox.Client.PostAsJsonAsync($"/sandbox/kubernetes/cronjobs/{KubernetesRig.Namespace}/{name}/fire", new JsonObject());
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
