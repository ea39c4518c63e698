using System.Text.Json.Nodes;

namespace Agent.Tests.Sandbox.Kubernetes;

/// <summary>The sandbox control routes of the Kubernetes emulator: listed in Swagger, and the object listing.</summary>
public sealed class ControlRouteTests
{
    [Fact]
    public async Task ControlRoutes_AreInTheSandboxSwagger()
    {
        await using var sandbox = await KubeSandbox.StartAsync();

        var paths = (await sandbox.GetJsonAsync("/swagger/v1/swagger.json"))["paths"]!.AsObject().Select(p => p.Key).ToList();

        Assert.Contains("/sandbox/kubernetes/watch/compact", paths);
        Assert.Contains("/sandbox/kubernetes/cronjobs/{namespace}/{name}/fire", paths);
        Assert.Contains("/sandbox/kubernetes/pods/{namespace}/{name}/phase", paths);
    }

    [Fact]
    public async Task ForcedPhase_EndsThePodAndTheJob_AndObjectsListsEverything()
    {
        await using var sandbox = await KubeSandbox.StartAsync();
        await sandbox.CreateOkAsync(KubeSandbox.Jobs, KubeObjects.Job("run-1"));
        var pod = KubeSandbox.Str(Assert.Single(await sandbox.ListAsync(KubeSandbox.Pods)), "metadata.name");

        var (_, forced) = await sandbox.PostAsync($"/sandbox/kubernetes/pods/{KubeSandbox.Namespace}/{pod}/phase", new JsonObject { ["phase"] = "Failed", ["exitCode"] = 137 });
        using var response = await sandbox.Client.GetAsync("/sandbox/kubernetes/objects");
        var objects = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();

        Assert.Equal("Failed", KubeSandbox.Str(forced, "status.phase"));
        Assert.Equal(137, forced["status"]!["containerStatuses"]![0]!["state"]!["terminated"]!["exitCode"]!.GetValue<int>());
        Assert.Contains(objects, o => KubeSandbox.Str(o, "kind") == "Job" && KubeSandbox.Str(o, "name") == "run-1");
        Assert.Contains(objects, o => KubeSandbox.Str(o, "kind") == "Pod" && KubeSandbox.Str(o, "phase") == "Failed");
    }
}
