using System.Text.Json.Nodes;
using Agent.Tests.Sandbox.Argo;

namespace Agent.Tests.Sandbox.Kubernetes;

/// <summary>The Job controller and the kubelet: pods, phases, retries, deadline, conditions in their real order.</summary>
public sealed class JobControllerTests
{
    [Fact]
    public async Task Job_CreatesPodWithGeneratedNameLabelsAndOwner_ThenRunsThroughPhases()
    {
        await using var sandbox = await KubeSandbox.StartAsync();
        var job = await sandbox.CreateOkAsync(KubeSandbox.Jobs, KubeObjects.Job("run-1"));

        var pod = Assert.Single(await sandbox.ListAsync(KubeSandbox.Pods + "?labelSelector=job-name%3Drun-1"));
        Assert.Equal("run-1-", KubeSandbox.Str(pod, "metadata.generateName"));
        Assert.Matches("^run-1-[a-z0-9]{5}$", KubeSandbox.Str(pod, "metadata.name"));
        Assert.Equal(KubeSandbox.Str(job, "metadata.uid"), pod["metadata"]!["labels"]!["controller-uid"]!.GetValue<string>());
        Assert.Equal(KubeSandbox.Str(job, "metadata.uid"), KubeSandbox.Str(pod["metadata"]!["ownerReferences"]![0], "uid"));
        Assert.Equal("Pending", KubeSandbox.Str(pod, "status.phase"));
        Assert.Equal(1, (await sandbox.GetJsonAsync(KubeSandbox.Jobs + "/run-1"))["status"]!["active"]!.GetValue<int>());

        sandbox.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("Running", KubeSandbox.Str(await PodAsync(sandbox, pod), "status.phase"));
        sandbox.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("Succeeded", KubeSandbox.Str(await PodAsync(sandbox, pod), "status.phase"));

        var done = await sandbox.GetJsonAsync(KubeSandbox.Jobs + "/run-1");
        Assert.Equal(["SuccessCriteriaMet", "Complete"], Conditions(done));
        Assert.Equal("CompletionsReached", KubeSandbox.Str(done["status"]!["conditions"]![1], "reason"));
        Assert.Equal(1, done["status"]!["succeeded"]!.GetValue<int>());
        Assert.Equal(0, done["status"]!["active"]!.GetValue<int>());
        Assert.NotEmpty(KubeSandbox.Str(done, "status.completionTime"));
    }

    [Fact]
    public async Task FailingPod_IsRetriedUpToBackoffLimit_ThenFailureTargetBeforeFailed()
    {
        await using var sandbox = await KubeSandbox.StartImmediateAsync();

        await sandbox.CreateOkAsync(KubeSandbox.Jobs, KubeObjects.Job("run-2", KubeObjects.IngestionEnv(Workflows.ConfigWith("sandbox-outcome: Failed")), backoffLimit: 2));

        var pods = await sandbox.ListAsync(KubeSandbox.Pods + "?labelSelector=job-name%3Drun-2");
        Assert.Equal(3, pods.Count);
        Assert.All(pods, p => Assert.Equal("Failed", KubeSandbox.Str(p, "status.phase")));
        var job = await sandbox.GetJsonAsync(KubeSandbox.Jobs + "/run-2");
        Assert.Equal(3, job["status"]!["failed"]!.GetValue<int>());
        Assert.Equal(["FailureTarget", "Failed"], Conditions(job));
        Assert.Equal("BackoffLimitExceeded", KubeSandbox.Str(job["status"]!["conditions"]![1], "reason"));
        Assert.Equal("Job has reached the specified backoff limit", KubeSandbox.Str(job["status"]!["conditions"]![1], "message"));
    }

    [Fact]
    public async Task RetryWaitsForDoublingBackoff()
    {
        await using var sandbox = await KubeSandbox.StartAsync(new()
        {
            ["Sandbox:Kubernetes:PendingSeconds"] = "0",
            ["Sandbox:Kubernetes:RunningSeconds"] = "0",
        });

        await sandbox.CreateOkAsync(KubeSandbox.Jobs, KubeObjects.Job("run-3", KubeObjects.IngestionEnv(Workflows.ConfigWith("sandbox-outcome: Failed")), backoffLimit: 3));
        Assert.Single(await sandbox.ListAsync(KubeSandbox.Pods));
        sandbox.Time.Advance(TimeSpan.FromSeconds(9));
        Assert.Single(await sandbox.ListAsync(KubeSandbox.Pods));
        sandbox.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, (await sandbox.ListAsync(KubeSandbox.Pods)).Count);
        sandbox.Time.Advance(TimeSpan.FromSeconds(19));
        Assert.Equal(2, (await sandbox.ListAsync(KubeSandbox.Pods)).Count);
        sandbox.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(3, (await sandbox.ListAsync(KubeSandbox.Pods)).Count);
    }

    [Fact]
    public async Task ActiveDeadline_DeletesPodAndFailsDeadlineExceeded()
    {
        await using var sandbox = await KubeSandbox.StartAsync(new() { ["Sandbox:Kubernetes:RunningSeconds"] = "600" });
        var job = KubeObjects.Job("run-4", backoffLimit: 3);
        job["spec"]!["activeDeadlineSeconds"] = 30;
        await sandbox.CreateOkAsync(KubeSandbox.Jobs, job);
        sandbox.Time.Advance(TimeSpan.FromSeconds(1));

        sandbox.Time.Advance(TimeSpan.FromSeconds(29));

        Assert.Empty(await sandbox.ListAsync(KubeSandbox.Pods));
        var failed = await sandbox.GetJsonAsync(KubeSandbox.Jobs + "/run-4");
        Assert.Equal(["FailureTarget", "Failed"], Conditions(failed));
        Assert.Equal("DeadlineExceeded", KubeSandbox.Str(failed["status"]!["conditions"]![1], "reason"));
        Assert.Equal("Job was active longer than specified deadline", KubeSandbox.Str(failed["status"]!["conditions"]![1], "message"));
        Assert.Null(failed["status"]!["failed"]);
    }

    [Fact]
    public async Task DeletingRunningPod_CountsAsFailure_AndReplacesIt()
    {
        await using var sandbox = await KubeSandbox.StartAsync(new() { ["Sandbox:Kubernetes:BackoffSeconds"] = "0" });
        await sandbox.CreateOkAsync(KubeSandbox.Jobs, KubeObjects.Job("run-5", backoffLimit: 1));
        sandbox.Time.Advance(TimeSpan.FromSeconds(1));
        var first = Assert.Single(await sandbox.ListAsync(KubeSandbox.Pods));

        using var deleted = await sandbox.Client.DeleteAsync($"{KubeSandbox.Pods}/{KubeSandbox.Str(first, "metadata.name")}");

        var job = await sandbox.GetJsonAsync(KubeSandbox.Jobs + "/run-5");
        Assert.Equal(1, job["status"]!["failed"]!.GetValue<int>());
        var second = Assert.Single(await sandbox.ListAsync(KubeSandbox.Pods));
        Assert.NotEqual(KubeSandbox.Str(first, "metadata.name"), KubeSandbox.Str(second, "metadata.name"));
    }

    [Fact]
    public async Task SuspendPatch_DeletesPodWithoutFailure_AndResumeStartsOne()
    {
        await using var sandbox = await KubeSandbox.StartAsync();
        await sandbox.CreateOkAsync(KubeSandbox.Jobs, KubeObjects.Job("run-6"));

        var (_, suspended) = await sandbox.SendAsync(HttpMethod.Patch, KubeSandbox.Jobs + "/run-6",
            new JsonObject { ["spec"] = new JsonObject { ["suspend"] = true } }, "application/merge-patch+json");
        var podsWhileSuspended = await sandbox.ListAsync(KubeSandbox.Pods);
        var job = await sandbox.GetJsonAsync(KubeSandbox.Jobs + "/run-6");
        await sandbox.SendAsync(HttpMethod.Patch, KubeSandbox.Jobs + "/run-6",
            new JsonObject { ["spec"] = new JsonObject { ["suspend"] = false } }, "application/strategic-merge-patch+json");

        Assert.True(suspended["spec"]!["suspend"]!.GetValue<bool>());
        Assert.Empty(podsWhileSuspended);
        Assert.Null(job["status"]!["failed"]);
        Assert.Equal("JobSuspended", KubeSandbox.Str(job["status"]!["conditions"]![0], "reason"));
        Assert.Single(await sandbox.ListAsync(KubeSandbox.Pods));
    }

    private static Task<JsonObject> PodAsync(SandboxServer sandbox, JsonObject pod) =>
        sandbox.GetJsonAsync($"{KubeSandbox.Pods}/{KubeSandbox.Str(pod, "metadata.name")}");

    private static string[] Conditions(JsonObject job) =>
        [.. (job["status"]!["conditions"] as JsonArray ?? []).Select(c => KubeSandbox.Str(c, "type"))];
}
