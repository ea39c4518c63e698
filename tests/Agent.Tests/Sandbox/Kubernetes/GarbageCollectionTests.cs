using System.Text.Json.Nodes;

namespace Agent.Tests.Sandbox.Kubernetes;

/// <summary>Delete with propagationPolicy and owner references.</summary>
public sealed class GarbageCollectionTests
{
    [Fact]
    public async Task BackgroundDelete_RemovesJobPodsAndOwnedSecret()
    {
        await using var sandbox = await KubeSandbox.StartAsync();
        var job = await sandbox.CreateOkAsync(KubeSandbox.Jobs, KubeObjects.Job("run-1"));
        await sandbox.CreateOkAsync(KubeSandbox.Secrets, KubeObjects.Secret("run-1-config", "a: 1", "run-1", KubeSandbox.Str(job, "metadata.uid")));
        await sandbox.CreateOkAsync(KubeSandbox.Secrets, KubeObjects.Secret("unrelated", "a: 1"));

        var (_, status) = await sandbox.SendAsync(HttpMethod.Delete, KubeSandbox.Jobs + "/run-1?propagationPolicy=Background");

        Assert.Equal("Success", KubeSandbox.Str(status, "status"));
        Assert.Empty(await sandbox.ListAsync(KubeSandbox.Jobs));
        Assert.Empty(await sandbox.ListAsync(KubeSandbox.Pods));
        Assert.Equal(["unrelated"], (await sandbox.ListAsync(KubeSandbox.Secrets)).Select(s => KubeSandbox.Str(s, "metadata.name")));
    }

    [Fact]
    public async Task DefaultJobDelete_OrphansPodsWithTheApiserversWarning()
    {
        await using var sandbox = await KubeSandbox.StartAsync();
        await sandbox.CreateOkAsync(KubeSandbox.Jobs, KubeObjects.Job("run-2"));

        using var response = await sandbox.Client.DeleteAsync(KubeSandbox.Jobs + "/run-2");

        Assert.Contains("child pods are preserved by default when jobs are deleted", response.Headers.GetValues("Warning").Single(), StringComparison.Ordinal);
        var pod = Assert.Single(await sandbox.ListAsync(KubeSandbox.Pods));
        Assert.Null(pod["metadata"]!["ownerReferences"]);
    }

    [Fact]
    public async Task ForegroundDelete_MarksOwnerThenRemovesDependentsThenOwner()
    {
        await using var sandbox = await KubeSandbox.StartAsync();
        var job = await sandbox.CreateOkAsync(KubeSandbox.Jobs, KubeObjects.Job("run-3"));
        var rv = KubeSandbox.Str(job, "metadata.resourceVersion");
        await using var watch = await Argo.StreamLines.OpenAsync(sandbox.Client, $"{KubeSandbox.Jobs}?watch=true&resourceVersion={rv}", false);

        await sandbox.SendAsync(HttpMethod.Delete, KubeSandbox.Jobs + "/run-3", new JsonObject { ["propagationPolicy"] = "Foreground" });

        var marked = await watch.ReadUntilAsync(e => e["object"]!["metadata"]!["deletionTimestamp"] is not null);
        Assert.Equal("MODIFIED", KubeSandbox.Str(marked, "type"));
        Assert.Equal("foregroundDeletion", marked["object"]!["metadata"]!["finalizers"]![0]!.GetValue<string>());
        Assert.Equal("DELETED", KubeSandbox.Str(await watch.ReadUntilAsync(e => KubeSandbox.Str(e, "type") != "MODIFIED"), "type"));
        Assert.Empty(await sandbox.ListAsync(KubeSandbox.Pods));
    }

    [Fact]
    public async Task SecretOwnedByMissingUid_IsCollected()
    {
        await using var sandbox = await KubeSandbox.StartAsync();

        await sandbox.CreateOkAsync(KubeSandbox.Secrets, KubeObjects.Secret("stale", "a: 1", "gone", "00000000-0000-0000-0000-000000000000"));

        Assert.Empty(await sandbox.ListAsync(KubeSandbox.Secrets));
    }
}
