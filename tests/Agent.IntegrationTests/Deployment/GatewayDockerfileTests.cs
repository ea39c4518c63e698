using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Agent.IntegrationTests.Deployment;

/// <summary>The Dockerfile's gateway target, beside the agent's default one.</summary>
public sealed class GatewayDockerfileTests
{
    private static readonly DockerfileStages Stages = DockerfileStages.Read();

    [Fact]
    public void GatewayStage_RunsAgentGatewayDllAsTheNonRootUserOnTheAgentsRuntime()
    {
        var gateway = Stages["gateway"];

        Assert.Equal(Stages["agent"].Base, gateway.Base);
        Assert.Equal(["$APP_UID"], gateway.Arguments("USER"));
        Assert.Equal(["dotnet", "Agent.Gateway.dll"], ExecForm(gateway.Arguments("ENTRYPOINT").Single()));
        Assert.Equal(["8080", "8989", "8587"], gateway.Arguments("EXPOSE").Single().Split(' '));
        Assert.Contains("--from=build /out/gateway .", gateway.Arguments("COPY"));
        Assert.Contains(Stages["build"].Arguments("RUN"), run => run.Contains("dotnet publish src/Agent.Gateway/Agent.Gateway.csproj", StringComparison.Ordinal)
            && run.Contains("-o /out/gateway", StringComparison.Ordinal));
    }

    [Fact]
    public void AgentStage_StaysTheLastSoAPlainDockerBuildStillBuildsTheAgent()
    {
        Assert.Equal("agent", Stages.All[^1].Name);
        Assert.Equal(["dotnet", "Agent.Web.dll"], ExecForm(Stages["agent"].Arguments("ENTRYPOINT").Single()));
    }

    [Fact]
    public void GatewayStage_OwnsTheSqliteDirectoryAsAVolumeAndSetsOnlyGatewaySettings()
    {
        var gateway = Stages["gateway"];
        // The directory of GATEWAY_SQLITE_PATH's default, /var/lib/agent-gateway/gateway.db.
        const string Directory = "/var/lib/agent-gateway";

        // Made and handed to the app user before USER: the unprivileged user could not create it under /var/lib.
        var instructions = gateway.Instructions.Select(instruction => instruction.Keyword).ToList();
        Assert.Contains(gateway.Arguments("RUN"), run => run.Contains($"mkdir -p {Directory}", StringComparison.Ordinal)
            && run.Contains($"chown \"$APP_UID\" {Directory}", StringComparison.Ordinal));
        Assert.True(instructions.IndexOf("RUN") < instructions.IndexOf("USER"), "the data directory must be made before USER drops root");
        Assert.Equal([Directory], gateway.Arguments("VOLUME"));
        var environment = gateway.Arguments("ENV").SelectMany(line => line.Split(' ')).Select(pair => pair.Split('=')[0]);
        Assert.All(environment, name => Assert.Contains(name, GatewaySettings.All));
    }

    [Fact]
    public async Task GatewayHealthCheck_PassesOnlyWhenHealthOnTheMetricsPortAnswers200()
    {
        await using var healthy = await HealthServer.StartAsync(StatusCodes.Status200OK);
        await using var unhealthy = await HealthServer.StartAsync(StatusCodes.Status503ServiceUnavailable);
        await using var silent = LoopbackServer.Silent();

        Assert.Equal(0, (await RunHealthCheckAsync(healthy.Port)).ExitCode);
        Assert.NotEqual(0, (await RunHealthCheckAsync(unhealthy.Port)).ExitCode);
        Assert.NotEqual(0, (await RunHealthCheckAsync(LoopbackServer.ClosedPort())).ExitCode);
        // A listener that never answers: the check's own read bound (5 s) ends it, before Docker's --timeout would.
        Assert.NotEqual(0, (await RunHealthCheckAsync(silent.Port)).ExitCode);
    }

    /// <summary>The HEALTHCHECK's exec-form command, run here as Docker runs it in the container.</summary>
    private static string[] ExecForm(string json) => JsonSerializer.Deserialize<string[]>(json) ?? [];

    private static Task<ExternalTool.Result> RunHealthCheckAsync(int metricsPort)
    {
        var healthCheck = Stages["gateway"].Arguments("HEALTHCHECK").Single();
        var command = ExecForm(healthCheck[(healthCheck.IndexOf("CMD [", StringComparison.Ordinal) + 4)..]);
        return ExternalTool.RunAsync(
            ExternalTool.Require(command[0], command[0]),
            command[1..],
            input: null,
            new Dictionary<string, string> { ["GATEWAY_METRICS_PORT"] = metricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            TestTimeouts.Token());
    }

    /// <summary>Kestrel on 127.0.0.1:0 whose /health answers a fixed status, as the gateway's metrics listener would.</summary>
    private sealed class HealthServer(WebApplication app, int port) : IAsyncDisposable
    {
        public int Port { get; } = port;

        public static async Task<HealthServer> StartAsync(int status)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            app.MapGet("/health", () => Results.StatusCode(status));
            await app.StartAsync(TestTimeouts.Token());
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            return new HealthServer(app, new Uri(address).Port);
        }

        public ValueTask DisposeAsync() => app.DisposeAsync();
    }
}
