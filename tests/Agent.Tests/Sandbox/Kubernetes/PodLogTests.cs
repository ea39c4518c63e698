using System.Net;
using System.Text.Json.Nodes;

namespace Agent.Tests.Sandbox.Kubernetes;

/// <summary>Pod log reads: tailLines, limitBytes, a wrong container, a deleted pod.</summary>
public sealed class PodLogTests
{
    [Fact]
    public async Task Log_TailLinesAndLimitBytes_CutTheAnswer()
    {
        await using var sandbox = await KubeSandbox.StartImmediateAsync();
        await sandbox.CreateOkAsync(KubeSandbox.Jobs, KubeObjects.Job("run-1"));
        var name = KubeSandbox.Str(Assert.Single(await sandbox.ListAsync(KubeSandbox.Pods)), "metadata.name");
        await sandbox.PostAsync($"/sandbox/kubernetes/pods/{KubeSandbox.Namespace}/{name}/log", new JsonObject { ["lines"] = new JsonArray("one", "two", "three") });
        var path = $"{KubeSandbox.Pods}/{name}/log";

        Assert.Equal("two\nthree\n", await sandbox.Client.GetStringAsync(path + "?container=main&tailLines=2"));
        Assert.Equal("tw", await sandbox.Client.GetStringAsync(path + "?container=main&tailLines=2&limitBytes=2"));
        using var wrong = await sandbox.Client.GetAsync(path + "?container=sidecar");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains($"container sidecar is not valid for pod {name}", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var deleted = await sandbox.Client.DeleteAsync($"{KubeSandbox.Pods}/{name}");
        using var gone = await sandbox.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Contains($"pods \\\"{name}\\\" not found", await gone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
