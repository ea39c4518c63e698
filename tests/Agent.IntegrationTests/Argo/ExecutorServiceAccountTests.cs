using Agent.IntegrationTests.Infrastructure;

namespace Agent.IntegrationTests.Argo;

/// <summary>
/// With the token not mounted, Argo fails every pod that has no executor service account (FIDELITY §3.3), so the
/// workflow carries one. Checked on the body the agent POSTed.
/// </summary>
public sealed class ExecutorServiceAccountTests
{
    [Theory]
    [InlineData(null, "ingestion-runner")]
    [InlineData("argo-executor", "argo-executor")]
    public async Task PipelineRun_TokenNotMounted_PostsExecutorServiceAccount(string? executor, string expected)
    {
        await using var rig = await AgentRig.StartAsync("executor-sa", agentOverrides: new Dictionary<string, string?>
        {
            ["Ingestion:AutomountServiceAccountToken"] = "false",
            ["Ingestion:ServiceAccountName"] = "ingestion-runner",
            ["Ingestion:ExecutorServiceAccountName"] = executor,
        });

        await rig.StartRunAsync(Guid.NewGuid().ToString());

        var spec = Assert.Single(rig.Recorder.Requests, r => r.Method == "POST" && r.Route == "/api/v1/workflows/{namespace}").Body!["workflow"]!["spec"]!;
        Assert.False((bool)spec["automountServiceAccountToken"]!);
        Assert.Equal("ingestion-runner", (string?)spec["serviceAccountName"]);
        Assert.Equal(expected, (string?)spec["executor"]!["serviceAccountName"]);
    }
}
