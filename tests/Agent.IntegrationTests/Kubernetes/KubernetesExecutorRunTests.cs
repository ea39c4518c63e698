using System.Text.Json.Nodes;
using Agent.Core.Execution;
using Agent.Core.Logs;
using Agent.Core.Protocol.Messages;

namespace Agent.IntegrationTests.Kubernetes;

/// <summary>The Kubernetes executor through the seam, against the sandbox's Kubernetes emulator: runs, kill, delete, logs.</summary>
public sealed class KubernetesExecutorRunTests
{
    private const string RunId = "9f3c2a1e-5b7d-4c8e-a1f0-2d6b8e4c7a90";

    [Fact]
    public async Task Run_BecomesJobWithOwnedSecret_AndReportsQueuedRunningSuccess()
    {
        await using var rig = await KubernetesRig.StartAsync();

        Assert.Equal(RunStart.Started, await rig.StartRunAsync(KubernetesRig.Run(RunId)));

        var job = Assert.Single(await rig.ListAsync("jobs"));
        Assert.Equal("om-run-9f3c2a1e5b7d4c8ea1f02d6b8e4c7a90", Str(job, "metadata.name"));
        Assert.Equal(RunId, Str(job, "metadata.annotations.hybrid-agent/run-id"));
        var secret = Assert.Single(await rig.ListAsync("secrets"));
        var owner = Assert.Single(secret["metadata"]!["ownerReferences"]!.AsArray())!;
        Assert.Equal(Str(job, "metadata.uid"), Str(owner, "uid"));
        Assert.Equal("Job", Str(owner, "kind"));
        await rig.Observer.WaitForAsync(RunId, PipelineStates.Queued);

        rig.Advance(1);
        await rig.Observer.WaitForAsync(RunId, PipelineStates.Running);
        rig.Advance(2);
        var success = await rig.Observer.WaitForAsync(RunId, PipelineStates.Success);

        Assert.Equal("mysql.metadata", success.PipelineFqn);
        Assert.True(success.IsCompleted);
        var pod = Assert.Single(await rig.ListAsync("pods"));
        Assert.Equal("Succeeded", Str(pod, "status.phase"));
    }

    [Fact]
    public async Task RepeatedRunId_UnderAnotherPipelineName_CreatesNoSecondJob()
    {
        await using var rig = await KubernetesRig.StartAsync();
        await rig.StartRunAsync(KubernetesRig.Run(RunId));

        var again = await rig.StartRunAsync(KubernetesRig.Run(RunId, pipelineName: "renamed"));
        var earlier = await rig.Executor.FindEarlierRunAsync(RunId, CancellationToken.None);

        Assert.Equal(RunStart.AlreadyStarted, again);
        Assert.Equal("om-run-9f3c2a1e5b7d4c8ea1f02d6b8e4c7a90", earlier?.WorkflowName);
        Assert.Single(await rig.ListAsync("jobs"));
        Assert.Single(await rig.ListAsync("secrets"));
    }

    [Fact]
    public async Task BackoffLimitExceeded_IsFailed()
    {
        await using var rig = await KubernetesRig.StartAsync();
        await rig.StartRunAsync(KubernetesRig.Run(RunId, outcome: "Failed"));

        // Backoff 3: four pods of 3 s each, with 10, 20 and 40 s between them.
        rig.Advance(100);
        var failed = await rig.Observer.WaitForAsync(RunId, PipelineStates.Failed);

        Assert.Equal(4, (await rig.ListAsync("pods")).Count);
        Assert.Equal("Job has reached the specified backoff limit", failed.Message);
    }

    [Fact]
    public async Task Kill_SuspendsTheJob_PodGoes_RunIsStopped()
    {
        await using var rig = await KubernetesRig.StartAsync();
        await rig.StartRunAsync(KubernetesRig.Run(RunId));
        rig.Advance(1);
        await rig.Observer.WaitForAsync(RunId, PipelineStates.Running);

        var stop = await rig.Executor.StopRunAsync("mysql.metadata", RunId, CancellationToken.None);
        var stopped = await rig.Observer.WaitForAsync(RunId, PipelineStates.Stopped);

        Assert.Equal(RunStop.Stopped, stop);
        Assert.True(stopped.IsCompleted);
        Assert.Empty(await rig.ListAsync("pods"));
        Assert.Equal(RunStop.AlreadyFinished, await rig.Executor.StopRunAsync("mysql.metadata", RunId, CancellationToken.None));
        rig.Advance(60);
        Assert.Empty(await rig.ListAsync("pods"));
    }

    [Fact]
    public async Task Delete_IsBackground_JobPodsAndSecretGo_ActiveRunReportedStopped()
    {
        await using var rig = await KubernetesRig.StartAsync();
        await rig.StartRunAsync(KubernetesRig.Run(RunId));
        rig.Advance(1);
        await rig.Observer.WaitForAsync(RunId, PipelineStates.Running);

        await rig.Executor.DeleteRunsAsync("mysql.metadata", CancellationToken.None);
        await rig.Observer.WaitForAsync(RunId, PipelineStates.Stopped, gone: true);

        Assert.Empty(await rig.ListAsync("jobs"));
        Assert.Empty(await rig.ListAsync("pods"));
        Assert.Empty(await rig.ListAsync("secrets"));
    }

    [Fact]
    public async Task Logs_AreThePodsMainContainer_PagedAsOnTheArgoPath()
    {
        await using var rig = await KubernetesRig.StartAsync();
        await rig.StartRunAsync(KubernetesRig.Run(RunId));
        rig.Advance(1);
        await rig.Observer.WaitForAsync(RunId, PipelineStates.Running);
        var pod = Str(Assert.Single(await rig.ListAsync("pods")), "metadata.name");
        await rig.PostAsync($"/sandbox/kubernetes/pods/{KubernetesRig.Namespace}/{pod}/log", new JsonObject { ["lines"] = 1200, ["lineBytes"] = 1000 });

        var first = await rig.Executor.ReadLogPageAsync("mysql.metadata", RunId, 0, CancellationToken.None);
        var second = await rig.Executor.ReadLogPageAsync("mysql.metadata", null, 1, CancellationToken.None);
        var past = await rig.Executor.ReadLogPageAsync("mysql.metadata", RunId, 5, CancellationToken.None);

        Assert.Equal(RunLogPageStatus.Page, first?.Status);
        Assert.True(first!.HasMore);
        Assert.Equal(LogPager.ChunkBytes, System.Text.Encoding.UTF8.GetByteCount(first.Text));
        Assert.Equal(RunLogPageStatus.Page, second?.Status);
        Assert.False(second!.HasMore);
        Assert.Equal(RunLogPageStatus.PastEnd, past?.Status);
        Assert.Null(await rig.Executor.ReadLogPageAsync("other.pipeline", RunId, 0, CancellationToken.None));
    }

    [Fact]
    public async Task Restart_NewWatcherPicksUpTheRunningJob_AndFollowsItToTheEnd()
    {
        await using var rig = await KubernetesRig.StartAsync();
        await rig.StartRunAsync(KubernetesRig.Run(RunId));
        rig.Advance(1);
        await rig.Observer.WaitForAsync(RunId, PipelineStates.Running);

        await rig.StartWatcherAsync();
        await rig.Observer.WaitForAsync(RunId, PipelineStates.Running);
        rig.Advance(2);

        Assert.Equal(PipelineStates.Success, (await rig.Observer.WaitForAsync(RunId, PipelineStates.Success)).State);
    }

    [Fact]
    public async Task ExpiredWatch_410_RelistsAtOnce_AndKeepsReporting()
    {
        await using var rig = await KubernetesRig.StartAsync();
        await rig.StartRunAsync(KubernetesRig.Run(RunId));
        await rig.Observer.WaitForAsync(RunId, PipelineStates.Queued);
        await rig.WatchesOpenAsync(2);

        // An object outside the agent's selector moves the resourceVersion past the watcher's without an event for it;
        // compacting then leaves the watcher's version older than the history, so its next watch gets 410 Expired.
        await rig.PostAsync($"/api/v1/namespaces/{KubernetesRig.Namespace}/secrets", new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = "unrelated" },
            ["stringData"] = new JsonObject { ["k"] = "v" },
        });
        await rig.PostAsync("/sandbox/kubernetes/watch/compact", []);
        var relisted = rig.Observer.NextListAsync();
        await rig.PostAsync("/sandbox/kubernetes/watch/close", []);
        await relisted;

        Assert.Contains(rig.Logs.GetSnapshot(), record => record.Id.Id == Agent.Core.AgentEventIds.JobWatchExpired);
        rig.Advance(1);
        await rig.Observer.WaitForAsync(RunId, PipelineStates.Running);
    }

    private static string Str(JsonNode? node, string path)
    {
        var parts = path.Split('.', 3);
        var current = node;
        for (var i = 0; i < parts.Length; i++)
        {
            // Annotation keys hold dots and slashes: the last part is taken whole.
            current = current?[parts[i]];
        }

        return current?.GetValue<string>() ?? "";
    }
}
