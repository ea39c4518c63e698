using System.Net.Http.Json;
using System.Text.Json;

namespace Agent.Tests.Sandbox.ControlPlane;

/// <summary><c>GET /sandbox/info</c> says which sandbox process answers; Swagger lists the sandbox's own routes.</summary>
public sealed class SandboxInfoTests
{
    [Fact]
    public async Task Info_InstanceIdSwitch_EchoedSoAScriptCanTellItsOwnSandbox()
    {
        await using var host = await ControlPlaneSandbox.StartWithArgumentsAsync(["--instance-id", "demo-4711"]);

        using var info = JsonDocument.Parse(await host.Client.GetStringAsync(new Uri("/sandbox/info", UriKind.Relative)));

        Assert.Equal("demo-4711", info.RootElement.GetProperty("instanceId").GetString());
    }

    [Fact]
    public async Task Info_NoInstanceId_EachProcessGetsADifferentOne()
    {
        await using var first = await ControlPlaneSandbox.StartAsync();
        await using var second = await ControlPlaneSandbox.StartAsync();

        var ids = await Task.WhenAll(InstanceIdAsync(first), InstanceIdAsync(second));

        Assert.All(ids, id => Assert.True(Guid.TryParse(id, out _), id));
        Assert.NotEqual(ids[0], ids[1]);
    }

    [Fact]
    public async Task Swagger_ListsEverySandboxRouteAndNoArgoServerRoute()
    {
        await using var host = await ControlPlaneSandbox.StartAsync();

        using var document = JsonDocument.Parse(await host.Client.GetStringAsync(new Uri("/swagger/v1/swagger.json", UriKind.Relative)));

        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(path => path.Name).ToList();
        Assert.Contains("/sandbox/info", paths);
        Assert.Contains("/sandbox/agents/{agentId}/pipelines/toggle", paths);
        Assert.Contains("/sandbox/agents/{agentId}/pipelines/deploy", paths);
        Assert.Contains("/sandbox/argo/cron-workflows", paths);
        Assert.All(paths, path => Assert.StartsWith("/sandbox/", path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Swagger_EveryPipelineRouteNamesThePipelinePipelineFqn()
    {
        await using var host = await ControlPlaneSandbox.StartAsync();

        using var document = JsonDocument.Parse(await host.Client.GetStringAsync(new Uri("/swagger/v1/swagger.json", UriKind.Relative)));

        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        var pipelineBodies = document.RootElement.GetProperty("paths").EnumerateObject()
            .Where(path => path.Name.Contains("/pipelines/", StringComparison.Ordinal))
            .Select(path => path.Value.GetProperty("post").GetProperty("requestBody").GetProperty("content")
                .GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()!.Split('/')[^1])
            .ToList();
        Assert.Equal(6, pipelineBodies.Count);
        Assert.All(pipelineBodies, body => Assert.True(schemas.GetProperty(body).GetProperty("properties").TryGetProperty("pipelineFqn", out _), body));
    }

    private static async Task<string?> InstanceIdAsync(SandboxServer host) =>
        (await host.Client.GetFromJsonAsync<JsonElement>(new Uri("/sandbox/info", UriKind.Relative))).GetProperty("instanceId").GetString();
}
