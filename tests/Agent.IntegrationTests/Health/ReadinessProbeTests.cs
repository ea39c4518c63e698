using System.Net;
using Agent.IntegrationTests.Infrastructure;

namespace Agent.IntegrationTests.Health;

/// <summary>Readiness probes are cheap for Argo: concurrent ones share one in-flight check.</summary>
public sealed class ReadinessProbeTests
{
    private const int Probes = 50;
    private const string ListRoute = "/api/v1/workflows/{namespace}";

    [Fact]
    public async Task Ready_FiftyConcurrentProbes_OneArgoCall()
    {
        await using var rig = await AgentRig.StartAsync("ready-single-flight");
        // A slow answer keeps the first check in flight while the other probes arrive.
        rig.Faults.Configure(new() { Routes = ["GET " + ListRoute], LatencyMs = 300 });
        using var infra = rig.Agent.CreateInfraClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, Probes).Select(_ => infra.GetAsync("/ready", rig.Cancellation)));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        Assert.Equal(1, AccessChecks(rig));
    }

    [Fact]
    public async Task Ready_ArgoFailingThenBack_ProbeRecoversAfterTheCacheAndOperationsAreUnaffected()
    {
        await using var rig = await AgentRig.StartAsync("ready-flapping");
        rig.Faults.Configure(new() { Routes = ["GET " + ListRoute], ErrorRate = 1.0 });
        using var infra = rig.Agent.CreateInfraClient();

        var failing = await Task.WhenAll(Enumerable.Range(0, Probes).Select(_ => infra.GetAsync("/ready", rig.Cancellation)));
        rig.Faults.Clear();
        var run = await rig.RunAsync(Guid.NewGuid().ToString());

        Assert.All(failing, answer => Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode));
        Assert.Equal(1, AccessChecks(rig));
        Assert.True(run.Result.Ok, run.Result.Reason);
    }

    /// <summary>The probe's call: a one-item list (the watcher lists with larger pages).</summary>
    private static int AccessChecks(AgentRig rig) =>
        rig.Recorder.Requests.Count(request =>
            request.Method == "GET" && request.Route == ListRoute && request.Query.TrimStart('?').Split('&').Contains("listOptions.limit=1"));
}
