using System.Text.Json.Nodes;

namespace Agent.Tests.Sandbox.Kubernetes;

/// <summary>CronJob ticks fired through the control route: Job name, annotation, suspend, Forbid.</summary>
public sealed class CronJobTests
{
    private const string Fire = "/sandbox/kubernetes/cronjobs/ingest/nightly/fire";

    [Fact]
    public async Task Tick_CreatesOwnedJobNamedByScheduledMinute_WithTimestampInTheTimeZone()
    {
        await using var sandbox = await KubeSandbox.StartAsync();
        var cron = await sandbox.CreateOkAsync(KubeSandbox.CronJobs, KubeObjects.CronJob("nightly"));

        var (_, fired) = await sandbox.PostAsync(Fire, new JsonObject { ["scheduledTime"] = "2026-03-01T12:00:00Z" });

        var job = fired["job"]!;
        Assert.Equal($"nightly-{new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds() / 60}", KubeSandbox.Str(job, "metadata.name"));
        Assert.Equal("2026-03-01T13:00:00+01:00", job["metadata"]!["annotations"]!["batch.kubernetes.io/cronjob-scheduled-timestamp"]!.GetValue<string>());
        Assert.Equal(KubeSandbox.Str(cron, "metadata.uid"), KubeSandbox.Str(job["metadata"]!["ownerReferences"]![0], "uid"));
        var status = (await sandbox.GetJsonAsync(KubeSandbox.CronJobs + "/nightly"))["status"]!;
        Assert.Equal(KubeSandbox.Str(job, "metadata.name"), KubeSandbox.Str(status["active"]![0], "name"));
        Assert.Equal("2026-03-01T12:00:00Z", KubeSandbox.Str(status, "lastScheduleTime"));
    }

    [Fact]
    public async Task Forbid_SkipsWhileAJobIsActive_AndSuspendSkipsAlways()
    {
        await using var sandbox = await KubeSandbox.StartAsync();
        await sandbox.CreateOkAsync(KubeSandbox.CronJobs, KubeObjects.CronJob("nightly"));
        await sandbox.PostAsync(Fire, new JsonObject { ["scheduledTime"] = "2026-03-01T12:00:00Z" });

        var (_, second) = await sandbox.PostAsync(Fire, new JsonObject { ["scheduledTime"] = "2026-03-01T13:00:00Z" });
        sandbox.Time.Advance(TimeSpan.FromSeconds(1)); // Pending ends; the container then runs 2 s
        sandbox.Time.Advance(TimeSpan.FromSeconds(2));
        var (_, third) = await sandbox.PostAsync(Fire, new JsonObject { ["scheduledTime"] = "2026-03-01T14:00:00Z" });
        await sandbox.SendAsync(HttpMethod.Patch, KubeSandbox.CronJobs + "/nightly",
            new JsonObject { ["spec"] = new JsonObject { ["suspend"] = true } }, "application/merge-patch+json");
        var (_, fourth) = await sandbox.PostAsync(Fire, new JsonObject { ["scheduledTime"] = "2026-03-01T15:00:00Z" });

        Assert.Equal("Forbid: a Job is still active", KubeSandbox.Str(second, "skipped"));
        Assert.True(third["job"] is not null, third.ToJsonString());
        Assert.Equal("suspended", KubeSandbox.Str(fourth, "skipped"));
        Assert.Equal(2, (await sandbox.ListAsync(KubeSandbox.Jobs)).Count);
    }
}
