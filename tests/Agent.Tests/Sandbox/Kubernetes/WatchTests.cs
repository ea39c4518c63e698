using System.Net;
using System.Text.Json.Nodes;
using Agent.Tests.Sandbox.Argo;

namespace Agent.Tests.Sandbox.Kubernetes;

/// <summary>Watch: one resourceVersion across kinds, resume, bookmarks, timeout, and 410 Expired after compaction.</summary>
public sealed class WatchTests
{
    [Fact]
    public async Task ResourceVersion_IsOneCounterAcrossKinds()
    {
        await using var sandbox = await KubeSandbox.StartAsync();

        var secret = await sandbox.CreateOkAsync(KubeSandbox.Secrets, KubeObjects.Secret("cfg", "a: 1"));
        var cron = await sandbox.CreateOkAsync(KubeSandbox.CronJobs, KubeObjects.CronJob("nightly"));

        Assert.Equal(long.Parse(KubeSandbox.Str(secret, "metadata.resourceVersion")) + 1, long.Parse(KubeSandbox.Str(cron, "metadata.resourceVersion")));
    }

    [Fact]
    public async Task Watch_FromListVersion_StreamsAddedAndModified_AndBookmarksOnlyWhenAllowed()
    {
        await using var sandbox = await KubeSandbox.StartAsync();
        var list = await sandbox.GetJsonAsync(KubeSandbox.Jobs);
        var rv = KubeSandbox.Str(list, "metadata.resourceVersion");
        await using var withBookmarks = await StreamLines.OpenAsync(sandbox.Client, $"{KubeSandbox.Jobs}?watch=true&resourceVersion={rv}&allowWatchBookmarks=true", false);
        await using var without = await StreamLines.OpenAsync(sandbox.Client, $"{KubeSandbox.Jobs}?watch=true&resourceVersion={rv}", false);

        await sandbox.CreateOkAsync(KubeSandbox.Jobs, KubeObjects.Job("run-1"));
        await sandbox.PostAsync("/sandbox/kubernetes/watch/bookmark", new JsonObject());
        await sandbox.CreateOkAsync(KubeSandbox.Jobs, KubeObjects.Job("run-2"));

        var added = await withBookmarks.ReadObjectAsync();
        Assert.Equal("ADDED", KubeSandbox.Str(added, "type"));
        Assert.Equal("run-1", KubeSandbox.Str(added, "object.metadata.name"));
        var next = await withBookmarks.ReadUntilAsync(e => KubeSandbox.Str(e, "type") == "BOOKMARK");
        Assert.Equal(["kind", "apiVersion", "metadata"], next["object"]!.AsObject().Select(p => p.Key));
        Assert.Equal("Job", KubeSandbox.Str(next, "object.kind"));
        var types = new List<string>();
        while (types.LastOrDefault() != "ADDED:run-2")
        {
            var e = await without.ReadObjectAsync();
            types.Add(KubeSandbox.Str(e, "type") + ":" + KubeSandbox.Str(e, "object.metadata.name"));
        }

        Assert.DoesNotContain(types, t => t.StartsWith("BOOKMARK", StringComparison.Ordinal));
        Assert.Contains("MODIFIED:run-1", types);
    }

    [Fact]
    public async Task Watch_TooOldAfterCompaction_Answers200ThenErrorEvent410Expired()
    {
        await using var sandbox = await KubeSandbox.StartAsync();
        var first = await sandbox.CreateOkAsync(KubeSandbox.Secrets, KubeObjects.Secret("a", "x: 1"));
        await sandbox.CreateOkAsync(KubeSandbox.Secrets, KubeObjects.Secret("b", "x: 2"));
        var old = KubeSandbox.Str(first, "metadata.resourceVersion");
        await using (var before = await StreamLines.OpenAsync(sandbox.Client, $"{KubeSandbox.Secrets}?watch=true&resourceVersion={old}", false))
        {
            Assert.Equal("b", KubeSandbox.Str(await before.ReadObjectAsync(), "object.metadata.name"));
        }

        await sandbox.PostAsync("/sandbox/kubernetes/watch/compact", new JsonObject());
        await using var after = await StreamLines.OpenAsync(sandbox.Client, $"{KubeSandbox.Secrets}?watch=true&resourceVersion={old}", false);

        Assert.Equal(HttpStatusCode.OK, after.Response.StatusCode);
        var error = await after.ReadObjectAsync();
        Assert.Equal("ERROR", KubeSandbox.Str(error, "type"));
        Assert.Equal("Status", KubeSandbox.Str(error, "object.kind"));
        Assert.Equal("Expired", KubeSandbox.Str(error, "object.reason"));
        Assert.Equal(410, error["object"]!["code"]!.GetValue<int>());
        Assert.StartsWith($"too old resource version: {old} (", KubeSandbox.Str(error, "object.message"));
        Assert.Null(await after.ReadLineAsync());
    }

    [Fact]
    public async Task Watch_WithoutVersion_StartsWithSyntheticAdded_AndTimeoutEndsWithBookmark()
    {
        await using var sandbox = await KubeSandbox.StartAsync();
        await sandbox.CreateOkAsync(KubeSandbox.CronJobs, KubeObjects.CronJob("nightly"));
        await using var watch = await StreamLines.OpenAsync(sandbox.Client, $"{KubeSandbox.CronJobs}?watch=true&allowWatchBookmarks=true&timeoutSeconds=30", false);

        var added = await watch.ReadObjectAsync();
        sandbox.Time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal("ADDED", KubeSandbox.Str(added, "type"));
        Assert.Equal("BOOKMARK", KubeSandbox.Str(await watch.ReadObjectAsync(), "type"));
        Assert.Null(await watch.ReadLineAsync());
    }

    [Fact]
    public async Task Watch_RetentionWindow_IsBounded()
    {
        await using var sandbox = await KubeSandbox.StartAsync(new() { ["Sandbox:Kubernetes:EventRetention"] = "2" });
        var first = await sandbox.CreateOkAsync(KubeSandbox.Secrets, KubeObjects.Secret("a", "x: 1"));
        await sandbox.CreateOkAsync(KubeSandbox.Secrets, KubeObjects.Secret("b", "x: 1"));
        await sandbox.CreateOkAsync(KubeSandbox.Secrets, KubeObjects.Secret("c", "x: 1"));

        await using var watch = await StreamLines.OpenAsync(sandbox.Client, $"{KubeSandbox.Secrets}?watch=true&resourceVersion={long.Parse(KubeSandbox.Str(first, "metadata.resourceVersion")) - 1}", false);

        Assert.Equal("ERROR", KubeSandbox.Str(await watch.ReadObjectAsync(), "type"));
    }
}
