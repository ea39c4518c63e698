using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Agent.Tests.Sandbox.Argo;

namespace Agent.Tests.Sandbox.Kubernetes;

/// <summary>Container start on the emulated kubelet: Secret env, $(VAR) expansion, exec limits, the ingestion image.</summary>
public sealed class ContainerStartTests
{
    [Fact]
    public async Task SecretKeyRef_FeedsMainPy_AndLogShowsTheRun()
    {
        await using var sandbox = await KubeSandbox.StartImmediateAsync();
        await sandbox.CreateOkAsync(KubeSandbox.Secrets, KubeObjects.Secret("cfg", Workflows.ValidConfig));

        await sandbox.CreateOkAsync(KubeSandbox.Jobs, KubeObjects.Job("run-1", KubeObjects.SecretEnv("cfg")));

        var pod = Assert.Single(await sandbox.ListAsync(KubeSandbox.Pods));
        Assert.Equal("Succeeded", KubeSandbox.Str(pod, "status.phase"));
        var log = await sandbox.Client.GetStringAsync($"{KubeSandbox.Pods}/{KubeSandbox.Str(pod, "metadata.name")}/log?container=main");
        Assert.Contains("[main] Starting ingestion pipeline mysql.metadata", log, StringComparison.Ordinal);
        Assert.Contains("[main] Workflow finished: Succeeded", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingSecret_KeepsPodPendingWithCreateContainerConfigError_UntilItExists()
    {
        await using var sandbox = await KubeSandbox.StartImmediateAsync();
        await sandbox.CreateOkAsync(KubeSandbox.Jobs, KubeObjects.Job("run-2", KubeObjects.SecretEnv("later")));
        var waiting = Assert.Single(await sandbox.ListAsync(KubeSandbox.Pods));
        using var logWhileWaiting = await sandbox.Client.GetAsync($"{KubeSandbox.Pods}/{KubeSandbox.Str(waiting, "metadata.name")}/log?container=main");

        await sandbox.CreateOkAsync(KubeSandbox.Secrets, KubeObjects.Secret("later", Workflows.ValidConfig));

        Assert.Equal("Pending", KubeSandbox.Str(waiting, "status.phase"));
        var state = waiting["status"]!["containerStatuses"]![0]!["state"]!["waiting"]!;
        Assert.Equal("CreateContainerConfigError", KubeSandbox.Str(state, "reason"));
        Assert.Equal("secret \"later\" not found", KubeSandbox.Str(state, "message"));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, logWhileWaiting.StatusCode);
        Assert.Contains($"container \"main\" in pod \"{KubeSandbox.Str(waiting, "metadata.name")}\" is waiting to start: CreateContainerConfigError",
            KubeSandbox.Str(JsonNode.Parse(await logWhileWaiting.Content.ReadAsStringAsync()), "message"), StringComparison.Ordinal);
        Assert.Equal("Succeeded", KubeSandbox.Str(Assert.Single(await sandbox.ListAsync(KubeSandbox.Pods)), "status.phase"));
    }

    [Fact]
    public async Task EnvValues_AreExpanded_SecretValuesAreLiteral()
    {
        await using var sandbox = await KubeSandbox.StartImmediateAsync();
        await sandbox.CreateOkAsync(KubeSandbox.Secrets, KubeObjects.Secret("cfg", "$(HOME)"));
        var env = new JsonArray(
            new JsonObject { ["name"] = "FROM_SECRET", ["valueFrom"] = new JsonObject { ["secretKeyRef"] = new JsonObject { ["name"] = "cfg", ["key"] = "config" } } },
            Workflows.Env("A", "x"),
            Workflows.Env("B", "$(A)-$$(A)-$(FROM_SECRET)"));

        await sandbox.CreateOkAsync(KubeSandbox.Jobs, KubeObjects.Job("run-3", env, command: new JsonArray("sh", "-c", "echo $B")));

        var pod = Assert.Single(await sandbox.ListAsync(KubeSandbox.Pods));
        var runtime = sandbox.Services.GetRequiredService<Agent.Sandbox.Kubernetes.KubernetesEmulator>();
        var environment = Agent.Sandbox.Argo.Kubelet.ContainerEnvironment.Build(
            (JsonObject)pod["spec"]!["containers"]![0]!, new Dictionary<string, string>(),
            references: new Agent.Sandbox.Kubernetes.Controllers.SecretEnvironment(runtime.Store, KubeSandbox.Namespace).Resolve);
        Assert.Equal("x-$(A)-$(HOME)", environment.Single(p => p.Key == "B").Value);
        Assert.Equal("$(HOME)", environment.Single(p => p.Key == "FROM_SECRET").Value);
    }

    [Fact]
    public async Task ConfigFromSecretOverExecLimit_ExitsWith255ArgumentListTooLong()
    {
        await using var sandbox = await KubeSandbox.StartImmediateAsync();
        // config=<value> must fit in 131071 bytes even when the value comes from a Secret (FIDELITY §5.5).
        await sandbox.CreateOkAsync(KubeSandbox.Secrets, KubeObjects.Secret("big", Workflows.ValidConfig + "#" + new string('x', 131072)));

        await sandbox.CreateOkAsync(KubeSandbox.Jobs, KubeObjects.Job("run-4", KubeObjects.SecretEnv("big")));

        var pod = Assert.Single(await sandbox.ListAsync(KubeSandbox.Pods));
        Assert.Equal("Failed", KubeSandbox.Str(pod, "status.phase"));
        Assert.Equal(255, pod["status"]!["containerStatuses"]![0]!["state"]!["terminated"]!["exitCode"]!.GetValue<int>());
        var log = await sandbox.Client.GetStringAsync($"{KubeSandbox.Pods}/{KubeSandbox.Str(pod, "metadata.name")}/log");
        Assert.Equal("exec python: argument list too long\n", log);
    }

    [Fact]
    public async Task MainPyWithoutPipelineType_FailsWithTheImagesTraceback()
    {
        await using var sandbox = await KubeSandbox.StartImmediateAsync();

        await sandbox.CreateOkAsync(KubeSandbox.Jobs, KubeObjects.Job("run-5", new JsonArray(Workflows.Env("config", Workflows.ValidConfig))));

        var pod = Assert.Single(await sandbox.ListAsync(KubeSandbox.Pods));
        Assert.Equal(1, pod["status"]!["containerStatuses"]![0]!["state"]!["terminated"]!["exitCode"]!.GetValue<int>());
        var log = await sandbox.Client.GetStringAsync($"{KubeSandbox.Pods}/{KubeSandbox.Str(pod, "metadata.name")}/log");
        Assert.Contains("RuntimeError: Missing environment variable `pipelineType`", log, StringComparison.Ordinal);
    }
}
