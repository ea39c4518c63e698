using System.Text.Json;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.IntegrationTests.Infrastructure;

namespace Agent.IntegrationTests.Lifecycle;

/// <summary><c>application.run</c>: the applications entrypoint with the ingestion resources, tracked like any run.</summary>
public sealed class ApplicationRunTests
{
    private const string ApplicationFqn = "OpenMetadata.DataInsightsApplication";

    [Fact]
    public async Task ApplicationRun_Pipeline_StartsApplicationsRunnerAndReportsItsStatus()
    {
        await using var rig = await AgentRig.StartAsync("application-agent", agentOverrides: new Dictionary<string, string?>
        {
            ["Ingestion:Resources:CpuLimit"] = "2",
            ["Argo:AutomationTtlSeconds"] = "600",
        });

        var started = LifecycleRequests.Started(await rig.RunApplicationAsync(ApplicationFqn));

        var workflow = Assert.Single(ArgoObjects.WorkflowsOf(rig, ApplicationFqn));
        Assert.Equal(started.WorkflowName, ArgoObjects.Name(workflow));
        Assert.Equal("application", (string?)workflow["metadata"]!["labels"]!["hybrid-agent/pipeline-type"]);
        Assert.Equal(7 * 24 * 3600, (int)workflow["spec"]!["ttlStrategy"]!["secondsAfterCompletion"]!);
        var main = ArgoObjects.Containers(workflow["spec"]!).First();
        Assert.Equal(["python", "-m", "metadata.applications.runner"], main["command"]!.AsArray().Select(part => (string?)part));
        Assert.Equal("2", (string?)main["resources"]!["limits"]!["cpu"]);
        Assert.Equal("{\"appName\": \"DataInsightsApplication\"}", ArgoObjects.Env(main)["config"]);
        var done = await rig.WaitForStateAsync(started.RunId, PipelineStates.Success);
        Assert.Equal(ApplicationFqn, done.Status.PipelineFqn);
    }

    [Fact]
    public async Task ApplicationRun_UnknownPipelineType_Returns400AndCreatesNothing()
    {
        await using var rig = await AgentRig.StartAsync("application-bad-type");

        var result = await rig.SendAsync(
            MessageTypes.ApplicationRun,
            JsonSerializer.SerializeToElement(
                new ApplicationRunRequest(LifecycleRequests.Pipeline(ApplicationFqn, type: "notAType"), JsonSerializer.SerializeToElement("{}", ProtocolJsonContext.Default.String)),
                ProtocolJsonContext.Default.ApplicationRunRequest));

        Assert.Equal(400, result.Code);
        Assert.Contains("pipeline.pipelineType", result.Reason, StringComparison.Ordinal);
        Assert.Empty(rig.Emulator.ListWorkflows(AgentRig.Namespace));
    }
}
