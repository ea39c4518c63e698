using System.Text.Json;
using System.Text.Json.Nodes;
using Agent.Core;
using Agent.Core.Protocol;
using Agent.IntegrationTests.Infrastructure;
using Agent.Sandbox.ControlPlane.Api;

namespace Agent.IntegrationTests.Lifecycle;

/// <summary>
/// DYNAMIC_INGESTION_VERSION_ENABLED with <c>welcome.serverVersion</c>: the workflows Argo receives, and the version
/// <c>service.status</c> reports, follow the server's release; without the flag the configured image stays.
/// </summary>
public sealed class DynamicIngestionVersionTests
{
    private const string Configured = "openmetadata/ingestion:1.9.0";
    private const string Pinned = "openmetadata/ingestion:1.9.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static readonly Dictionary<string, string?> ServerAnnounces = new() { ["Sandbox:ControlPlane:ServerVersion"] = "1.13.3" };

    [Fact]
    public async Task Run_FlagOnAndServerVersionAnnounced_WorkflowAndScheduleRunTheServersVersion()
    {
        await using var rig = await AgentRig.StartAsync("dynver-on", ServerAnnounces, Agent(dynamicVersion: true));

        var workflow = await rig.StartRunAsync(Guid.NewGuid().ToString());
        var cron = await rig.DeployOkAsync(LifecycleRequests.Pipeline());

        Assert.All(Images(rig.Emulator.GetWorkflow(AgentRig.Namespace, workflow)["spec"]!), image => Assert.Equal("openmetadata/ingestion:1.13.3", image));
        Assert.All(Images(rig.Emulator.GetCronWorkflow(AgentRig.Namespace, cron!)["spec"]!["workflowSpec"]!), image => Assert.Equal("openmetadata/ingestion:1.13.3", image));
        Assert.Equal("1.13.3", await ServiceStatusVersionAsync(rig));
        var followed = Assert.Single(rig.Agent.Logs.Events, e => e.EventId() == AgentEventIds.IngestionImageFollowsServer);
        Assert.Equal(Configured, followed.Scalar("Previous"));
        Assert.Equal("openmetadata/ingestion:1.13.3", followed.Scalar("Current"));
    }

    [Fact]
    public async Task Run_FlagOffAndServerVersionAnnounced_WorkflowRunsTheConfiguredImage()
    {
        await using var rig = await AgentRig.StartAsync("dynver-off", ServerAnnounces, Agent(dynamicVersion: false));

        var workflow = await rig.StartRunAsync(Guid.NewGuid().ToString());

        Assert.All(Images(rig.Emulator.GetWorkflow(AgentRig.Namespace, workflow)["spec"]!), image => Assert.Equal(Configured, image));
        Assert.Equal("1.9.0", await ServiceStatusVersionAsync(rig));
        Assert.DoesNotContain(rig.Agent.Logs.Events, e => e.EventId() == AgentEventIds.IngestionImageFollowsServer);
    }

    [Fact]
    public async Task Run_FlagOnWithoutServerVersion_WorkflowRunsTheConfiguredImage()
    {
        await using var rig = await AgentRig.StartAsync("dynver-silent", agentOverrides: Agent(dynamicVersion: true));

        var workflow = await rig.StartRunAsync(Guid.NewGuid().ToString());

        Assert.All(Images(rig.Emulator.GetWorkflow(AgentRig.Namespace, workflow)["spec"]!), image => Assert.Equal(Configured, image));
    }

    [Fact]
    public async Task Run_FlagOnImagePinnedByDigest_LeftAloneWithOneWarning()
    {
        var overrides = Agent(dynamicVersion: true);
        overrides["Ingestion:Image"] = Pinned;
        await using var rig = await AgentRig.StartAsync("dynver-pinned", ServerAnnounces, overrides);

        var workflow = await rig.StartRunAsync(Guid.NewGuid().ToString());

        Assert.All(Images(rig.Emulator.GetWorkflow(AgentRig.Namespace, workflow)["spec"]!), image => Assert.Equal(Pinned, image));
        Assert.Single(rig.Agent.Logs.Events, e => e.EventId() == AgentEventIds.IngestionImageCannotFollow);
        Assert.DoesNotContain(rig.Agent.Logs.Events, e => e.EventId() == AgentEventIds.IngestionImageFollowsServer);
    }

    internal static Dictionary<string, string?> Agent(bool dynamicVersion) => new()
    {
        ["Ingestion:DynamicVersion"] = dynamicVersion ? "true" : "false",
        ["Serilog:MinimumLevel:Default"] = "Information",
    };

    /// <summary>The image of every container; never empty, so the checks on it are never vacuous.</summary>
    private static List<string> Images(JsonNode spec)
    {
        List<string> images = [.. ArgoObjects.Containers(spec).Select(container => (string)container["image"]!)];
        Assert.NotEmpty(images);
        return images;
    }

    internal static async Task<string> ServiceStatusVersionAsync(AgentRig rig)
    {
        var result = await rig.SendAsync(MessageTypes.ServiceStatus, RequestPayloads.Empty());
        Assert.True(result.Ok, result.Reason);
        return result.Data!.Value.Deserialize(ProtocolJsonContext.Default.ServiceStatusData)!.Version;
    }
}
