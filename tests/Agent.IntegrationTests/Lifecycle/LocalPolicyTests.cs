using Agent.IntegrationTests.Infrastructure;

namespace Agent.IntegrationTests.Lifecycle;

/// <summary>The customer's allow-list: a pipeline type or image outside it is 403 and nothing reaches Argo.</summary>
public sealed class LocalPolicyTests
{
    private const string Policy = """
        pipelineTypes: [metadata, automation]
        images:
          - openmetadata/ingestion:*
        """;

    [Fact]
    public async Task Operations_PipelineTypeOutsidePolicy_Return403AndCreateNothing()
    {
        using var files = new SpecFiles();
        await using var rig = await AgentRig.StartAsync("policy-type", agentOverrides: new Dictionary<string, string?>
        {
            ["Ingestion:PolicyFilePath"] = files.Write("policy.yaml", Policy),
        });

        var deploy = await rig.DeployAsync(LifecycleRequests.Pipeline("mysql.profiler", type: "profiler"));
        var run = await rig.RunPipelineAsync(LifecycleRequests.Pipeline("mysql.profiler", type: "profiler", schedule: null));
        var application = await rig.RunApplicationAsync();
        var allowed = await rig.DeployAsync(LifecycleRequests.Pipeline());

        Assert.All([deploy, run, application], result => Assert.Equal(403, result.Code));
        Assert.Contains("profiler", deploy.Reason, StringComparison.Ordinal);
        Assert.True(allowed.Ok, allowed.Reason);
        Assert.Empty(rig.Emulator.ListWorkflows(AgentRig.Namespace));
        Assert.Equal(AgentRig.PipelineFqn, (string?)Assert.Single(rig.Emulator.ListCronWorkflows(AgentRig.Namespace))["metadata"]!["annotations"]![ArgoObjects.FqnAnnotation]);
    }

    [Fact]
    public async Task Operations_ImageOutsidePolicy_Return403AndCreateNothing()
    {
        using var files = new SpecFiles();
        await using var rig = await AgentRig.StartAsync("policy-image", agentOverrides: new Dictionary<string, string?>
        {
            ["Ingestion:PolicyFilePath"] = files.Write("policy.yaml", Policy),
            ["Ingestion:Image"] = "registry.example/forked-ingestion:1.9.0",
        });

        var deploy = await rig.DeployAsync(LifecycleRequests.Pipeline());
        var run = await rig.RunPipelineAsync(LifecycleRequests.Pipeline(schedule: null));
        var automation = await rig.RunAutomationAsync();

        Assert.All([deploy, run, automation], result => Assert.Equal(403, result.Code));
        Assert.Contains("registry.example/forked-ingestion:1.9.0", automation.Reason, StringComparison.Ordinal);
        Assert.Empty(rig.Emulator.ListWorkflows(AgentRig.Namespace));
        Assert.Empty(rig.Emulator.ListCronWorkflows(AgentRig.Namespace));
        Assert.DoesNotContain(rig.Recorder.Requests, r => r.Method is "POST" or "PUT");
    }
}
