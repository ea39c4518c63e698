using System.Net;
using System.Text.Json.Nodes;
using Agent.Sandbox.Kubernetes.Faults;
using Agent.Tests.Link;
using Microsoft.Extensions.DependencyInjection;

namespace Agent.Tests.Sandbox.Kubernetes;

/// <summary>
/// The Kubernetes emulator's fault injection (twin of the Argo emulator's): 503 Status before or after the handler,
/// the watch switches, route selection, per-call counts and the seeded dice.
/// </summary>
public sealed class FaultInjectionTests
{
    private const string Watch = KubeSandbox.Jobs + "?watch=true";

    [Fact]
    public async Task ErrorBefore_Answers503ServiceUnavailableStatus_AndCreatesNothing()
    {
        await using var sandbox = await KubeSandbox.StartAsync();
        Faults(sandbox).Configure(new() { ErrorRate = 1 });

        var (status, body) = await sandbox.PostAsync(KubeSandbox.Jobs, KubeObjects.Job("run-1"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Status", KubeSandbox.Str(body, "kind"));
        Assert.Equal("ServiceUnavailable", KubeSandbox.Str(body, "reason"));
        Assert.Equal(503, body["code"]!.GetValue<int>());
        Faults(sandbox).Clear();
        Assert.Empty(await sandbox.ListAsync(KubeSandbox.Jobs));
        Assert.Equal(1, Faults(sandbox).Counts.Errors);
    }

    [Fact]
    public async Task LostResponse_Answers503_ButTheJobExists_AndTheReplayMeetsAlreadyExists()
    {
        await using var sandbox = await KubeSandbox.StartAsync();
        Faults(sandbox).Configure(new() { LostResponseRate = 1, Routes = ["create jobs"] });

        var (status, _) = await sandbox.PostAsync(KubeSandbox.Jobs, KubeObjects.Job("run-1"));
        var (again, _) = await sandbox.PostAsync(KubeSandbox.Jobs, KubeObjects.Job("run-1"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Single(await sandbox.ListAsync(KubeSandbox.Jobs));
        var counts = Faults(sandbox).Counts;
        Assert.Equal(2, counts.Of("create", "jobs"));
        Assert.Equal(1, counts.Of("list", "jobs"));
    }

    [Fact]
    public async Task Routes_SelectOnlyTheNamedCalls()
    {
        await using var sandbox = await KubeSandbox.StartAsync();
        Faults(sandbox).Configure(new() { ErrorRate = 1, Routes = ["list jobs", "secrets"] });

        var jobs = await sandbox.Client.GetAsync(KubeSandbox.Jobs);
        var secrets = await sandbox.Client.GetAsync(KubeSandbox.Secrets);
        var pods = await sandbox.Client.GetAsync(KubeSandbox.Pods);
        var (created, _) = await sandbox.PostAsync(KubeSandbox.Jobs, KubeObjects.Job("run-1"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, jobs.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, secrets.StatusCode);
        Assert.Equal(HttpStatusCode.OK, pods.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created);
    }

    [Fact]
    public async Task WatchFails_Answers503BeforeTheStream_AndCountsTheWatch()
    {
        await using var sandbox = await KubeSandbox.StartAsync();
        Faults(sandbox).Configure(new() { WatchFails = true });

        using var watch = await sandbox.Client.GetAsync(Watch);
        using var list = await sandbox.Client.GetAsync(KubeSandbox.Jobs);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, watch.StatusCode);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var counts = Faults(sandbox).Counts;
        Assert.Equal(1, counts.WatchFailures);
        Assert.Equal(1, counts.Of("watch", "jobs"));
        Assert.Equal(1, counts.Of("list", "jobs"));
    }

    [Fact]
    public async Task WatchEndsAtOnce_Answers200WithoutAnEvent()
    {
        await using var sandbox = await KubeSandbox.StartAsync();
        Faults(sandbox).Configure(new() { WatchEndsAtOnce = true });

        using var watch = await sandbox.Client.GetAsync(Watch);

        Assert.Equal(HttpStatusCode.OK, watch.StatusCode);
        Assert.Equal("", await watch.Content.ReadAsStringAsync());
        Assert.Equal(1, Faults(sandbox).Counts.WatchesEndedAtOnce);
    }

    [Fact]
    public async Task Latency_HoldsTheCallUntilTheClockPassesIt()
    {
        var time = new TimerRecordingTimeProvider();
        await using var sandbox = await SandboxServer.StartAsync(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "None" }, time: time);
        Faults(sandbox).Configure(new() { LatencyMs = 5000, Routes = ["list pods"] });
        using var timeout = new CancellationTokenSource(TestTimeouts.Default);

        var call = sandbox.Client.GetAsync(KubeSandbox.Pods, timeout.Token);
        await time.NextTimerAsync(due => due == TimeSpan.FromSeconds(5), timeout.Token);
        Assert.False(call.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(5));
        using var response = await call;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SameSeed_InjectsTheSameFaults()
    {
        await using var sandbox = await KubeSandbox.StartAsync();

        var first = await CodesAsync(sandbox, seed: 42);
        var second = await CodesAsync(sandbox, seed: 42);

        Assert.Equal(first, second);
        Assert.Contains(HttpStatusCode.OK, first);
        Assert.Contains(HttpStatusCode.ServiceUnavailable, first);
    }

    [Fact]
    public async Task ControlRoutes_PutGetDelete_AndRejectABadRate()
    {
        await using var sandbox = await KubeSandbox.StartAsync();
        const string Path = "/sandbox/kubernetes/faults";

        var (put, view) = await sandbox.SendAsync(HttpMethod.Put, Path, new JsonObject { ["errorRate"] = 0.5, ["routes"] = new JsonArray("create jobs") });
        await sandbox.Client.GetAsync(KubeSandbox.Jobs);
        var read = await sandbox.GetJsonAsync(Path);
        var (bad, error) = await sandbox.SendAsync(HttpMethod.Put, Path, new JsonObject { ["errorRate"] = 2 });
        var (_, cleared) = await sandbox.SendAsync(HttpMethod.Delete, Path);

        Assert.Equal(HttpStatusCode.OK, put);
        Assert.Equal(0.5, view["settings"]!["errorRate"]!.GetValue<double>());
        Assert.Equal(1, read["injected"]!["requests"]!["list jobs"]!.GetValue<long>());
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Contains("ErrorRate", KubeSandbox.Str(error, "message"), StringComparison.Ordinal);
        Assert.Equal(0, cleared["settings"]!["errorRate"]!.GetValue<double>());
        Assert.Empty(cleared["settings"]!["routes"]!.AsArray());
    }

    [Fact]
    public async Task StartupSettings_AreValidated()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => KubeSandbox.StartAsync(new() { ["Sandbox:Kubernetes:Faults:ErrorRate"] = "2" }));

        Assert.Contains("ErrorRate", failure.ToString(), StringComparison.Ordinal);
    }

    private static KubernetesFaults Faults(SandboxServer sandbox) => sandbox.Services.GetRequiredService<KubernetesFaults>();

    private static async Task<List<HttpStatusCode>> CodesAsync(SandboxServer sandbox, int seed)
    {
        Faults(sandbox).Configure(new() { ErrorRate = 0.5, Seed = seed });
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            using var response = await sandbox.Client.GetAsync(KubeSandbox.Jobs);
            codes.Add(response.StatusCode);
        }

        return codes;
    }
}
