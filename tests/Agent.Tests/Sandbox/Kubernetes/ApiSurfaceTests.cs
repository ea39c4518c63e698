using System.Net;
using System.Text.Json.Nodes;
using Agent.Tests.Sandbox.Argo;

namespace Agent.Tests.Sandbox.Kubernetes;

/// <summary>Updates with a stale resourceVersion, JSON patch, envFrom, the bearer token and /version.</summary>
public sealed class ApiSurfaceTests
{
    [Fact]
    public async Task Put_WithStaleResourceVersion_Answers409Conflict_JsonPatchApplies()
    {
        await using var sandbox = await KubeSandbox.StartAsync();
        var cron = await sandbox.CreateOkAsync(KubeSandbox.CronJobs, KubeObjects.CronJob("nightly"));
        using var patch = new HttpRequestMessage(HttpMethod.Patch, KubeSandbox.CronJobs + "/nightly")
        {
            Content = new StringContent("[{\"op\":\"replace\",\"path\":\"/spec/suspend\",\"value\":true}]", System.Text.Encoding.UTF8, "application/json-patch+json"),
        };
        using var patched = await sandbox.Client.SendAsync(patch);
        Assert.True(patched.StatusCode == HttpStatusCode.OK, patched.StatusCode + await patched.Content.ReadAsStringAsync());

        cron["spec"]!["suspend"] = false;
        var (status, body) = await sandbox.SendAsync(HttpMethod.Put, KubeSandbox.CronJobs + "/nightly", cron);

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("Operation cannot be fulfilled on cronjobs.batch \"nightly\": the object has been modified; please apply your changes to the latest version and try again", KubeSandbox.Str(body, "message"));
        Assert.True((await sandbox.GetJsonAsync(KubeSandbox.CronJobs + "/nightly"))["spec"]!["suspend"]!.GetValue<bool>());
    }

    [Fact]
    public async Task EnvFromSecret_ProvidesEveryKey_AndLaterValuesCanReferToThem()
    {
        await using var sandbox = await KubeSandbox.StartImmediateAsync();
        await sandbox.CreateOkAsync(KubeSandbox.Secrets, KubeObjects.Secret("cfg", Workflows.ValidConfig));
        var job = KubeObjects.Job("run-1", new JsonArray(Workflows.Env("pipelineType", "metadata"), Workflows.Env("pipelineRunId", Workflows.RunId)));
        var container = (JsonObject)job["spec"]!["template"]!["spec"]!["containers"]![0]!;
        container["envFrom"] = new JsonArray(new JsonObject { ["secretRef"] = new JsonObject { ["name"] = "cfg" } });

        await sandbox.CreateOkAsync(KubeSandbox.Jobs, job);

        Assert.Equal("Succeeded", KubeSandbox.Str(Assert.Single(await sandbox.ListAsync(KubeSandbox.Pods)), "status.phase"));
    }

    [Fact]
    public async Task Token_IsRequiredWhenConfigured_AndVersionAnswers()
    {
        await using var sandbox = await KubeSandbox.StartAsync(new() { ["Sandbox:Kubernetes:Token"] = "k8s-token" });

        var (status, body) = await sandbox.SendAsync(HttpMethod.Get, "/version");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/version");
        request.Headers.Authorization = new("Bearer", "k8s-token");
        using var authorized = await sandbox.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("Unauthorized", KubeSandbox.Str(body, "reason"));
        Assert.Equal(HttpStatusCode.OK, authorized.StatusCode);
        Assert.Equal("1", KubeSandbox.Str(JsonNode.Parse(await authorized.Content.ReadAsStringAsync()), "major"));
    }
}
