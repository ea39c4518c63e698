using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;

namespace Agent.Tests.Sandbox.ControlPlane;

/// <summary>The <c>/pipelines/*</c> routes build the protocol payload from <c>pipelineFqn</c> and a few plain fields.</summary>
public sealed class PipelineRouteTests
{
    [Fact]
    public async Task ToggleRoute_EnabledFalse_SendsPipelineToggleAndAnswersItsResult()
    {
        await using var host = await ControlPlaneSandbox.StartAsync();
        await using var agent = await host.ConnectWelcomedAsync("agent-a");

        var posting = host.Client.PostAsJsonAsync("/sandbox/agents/agent-a/pipelines/toggle", new { pipelineFqn = "svc.nightly", enabled = false });
        var request = await agent.ReceiveAsync();
        Assert.Equal(MessageTypes.PipelineToggle, request.Type);
        Assert.True(PayloadReader.TryRead(request.Payload, ProtocolJsonContext.Default.PipelineToggleRequest, out var toggle, out var reason), reason);
        var data = JsonSerializer.SerializeToElement(new PipelineToggledData(false), ProtocolJsonContext.Default.PipelineToggledData);
        await agent.SendResultAsync(request.Id, TestAgentSocket.Ok(data));

        using var response = await posting;
        Assert.Equal(new PipelineToggleRequest("svc.nightly", false), toggle);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(body.RootElement.GetProperty("result").GetProperty("data").GetProperty("enabled").GetBoolean());
    }

    [Theory]
    [InlineData("""{"pipelineFqn":"svc.nightly"}""", "'enabled' is required")]
    [InlineData("""{"enabled":true}""", "'pipelineFqn' is required")]
    [InlineData("""{"fullyQualifiedName":"svc.nightly","enabled":true}""", "'pipelineFqn' is required")]
    public async Task ToggleRoute_FieldMissing_Returns400NamingItAndSendsNothing(string json, string error)
    {
        await using var host = await ControlPlaneSandbox.StartAsync();
        await using var agent = await host.ConnectWelcomedAsync("agent-a");

        using var response = await host.Client.PostAsync(
            "/sandbox/agents/agent-a/pipelines/toggle", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(error, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, host.ControlPlane.GetAgents().Single().Unanswered);
    }

    [Fact]
    public async Task DeployRoute_WithSchedule_SendsPipelineDeployWithAFullPipelineObject()
    {
        await using var host = await ControlPlaneSandbox.StartAsync();
        await using var agent = await host.ConnectWelcomedAsync("agent-a");

        var posting = host.Client.PostAsJsonAsync(
            "/sandbox/agents/agent-a/pipelines/deploy", new { pipelineFqn = "svc.nightly", schedule = "0 2 * * *", timezone = "Europe/Paris" });
        var request = await agent.ReceiveAsync();
        await agent.SendResultAsync(request.Id, TestAgentSocket.Ok());
        using var response = await posting;

        Assert.Equal((MessageTypes.PipelineDeploy, HttpStatusCode.OK), (request.Type, response.StatusCode));
        Assert.True(PayloadReader.TryRead(request.Payload, ProtocolJsonContext.Default.PipelineDeployRequest, out var deploy, out var reason), reason);
        Assert.Equal(
            new PipelineInfo("svc.nightly", "nightly", "metadata", true, "0 2 * * *", "Europe/Paris", 0, 0, "INFO"),
            deploy.Pipeline);
        Assert.Contains("secret:", deploy.Config.GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunRoute_DeprecatedFullyQualifiedName_StillAccepted()
    {
        await using var host = await ControlPlaneSandbox.StartAsync();
        await using var agent = await host.ConnectWelcomedAsync("agent-a");

        var posting = host.Client.PostAsJsonAsync("/sandbox/agents/agent-a/pipelines/run", new { fullyQualifiedName = "svc.old_name" });
        var request = await agent.ReceiveAsync();
        await agent.SendResultAsync(request.Id, TestAgentSocket.Ok());
        using var response = await posting;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(PayloadReader.TryRead(request.Payload, ProtocolJsonContext.Default.PipelineRunRequest, out var run, out var reason), reason);
        Assert.Equal("svc.old_name", run.Pipeline.FullyQualifiedName);
    }

    [Fact]
    public async Task RunRoute_NoFqn_Returns400NamingPipelineFqn()
    {
        await using var host = await ControlPlaneSandbox.StartAsync();
        await using var agent = await host.ConnectWelcomedAsync("agent-a");

        using var response = await host.Client.PostAsJsonAsync("/sandbox/agents/agent-a/pipelines/run", new { runId = "r" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'pipelineFqn' is required", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
