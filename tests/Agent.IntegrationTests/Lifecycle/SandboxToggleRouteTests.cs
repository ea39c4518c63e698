using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agent.IntegrationTests.Infrastructure;

namespace Agent.IntegrationTests.Lifecycle;

/// <summary>
/// An operator deploys a scheduled pipeline and switches its schedule off and on through the sandbox's REST routes,
/// with no raw protocol JSON: the real agent suspends and resumes the CronWorkflow in the Argo emulator.
/// </summary>
public sealed class SandboxToggleRouteTests
{
    [Fact]
    public async Task ToggleRoute_DeployedScheduledPipeline_SuspendsThenResumesItsCronWorkflow()
    {
        await using var rig = await AgentRig.StartAsync("toggle-route-agent");
        using var sandbox = new HttpClient { BaseAddress = rig.Sandbox.BaseUrl };
        var routes = $"/sandbox/agents/{rig.Agent.AgentId}/pipelines";

        var deployed = await PostAsync(sandbox, $"{routes}/deploy", new { pipelineFqn = AgentRig.PipelineFqn, schedule = "0 2 * * *" }, rig.Cancellation);
        var cronWorkflow = deployed.GetProperty("data").GetProperty("cronWorkflow").GetString()!;
        var off = await PostAsync(sandbox, $"{routes}/toggle", new { pipelineFqn = AgentRig.PipelineFqn, enabled = false }, rig.Cancellation);
        var suspended = (bool)rig.Emulator.GetCronWorkflow(AgentRig.Namespace, cronWorkflow)["spec"]!["suspend"]!;
        var on = await PostAsync(sandbox, $"{routes}/toggle", new { pipelineFqn = AgentRig.PipelineFqn, enabled = true }, rig.Cancellation);
        var resumed = (bool)rig.Emulator.GetCronWorkflow(AgentRig.Namespace, cronWorkflow)["spec"]!["suspend"]!;

        Assert.False(off.GetProperty("data").GetProperty("enabled").GetBoolean());
        Assert.True(suspended);
        Assert.True(on.GetProperty("data").GetProperty("enabled").GetBoolean());
        Assert.False(resumed);
    }

    /// <summary>Posts to a request route and returns the agent's result payload, which must say ok.</summary>
    internal static async Task<JsonElement> PostAsync(HttpClient sandbox, string route, object body, CancellationToken cancellationToken)
    {
        using var response = await sandbox.PostAsJsonAsync(route, body, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{route}: {(int)response.StatusCode} {text}");
        using var document = JsonDocument.Parse(text);
        var result = document.RootElement.GetProperty("result").Clone();
        Assert.True(result.GetProperty("ok").GetBoolean(), $"{route}: {text}");
        return result;
    }
}
