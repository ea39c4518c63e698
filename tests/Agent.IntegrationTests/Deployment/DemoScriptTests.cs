using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Agent.IntegrationTests.Infrastructure;

namespace Agent.IntegrationTests.Deployment;

/// <summary>
/// scripts/demo.sh reports only what its own processes did. It once printed "Demo run succeeded" after its sandbox and
/// agent had died on busy ports, because another sandbox answered on the same port. The whole demo runs in CI
/// (.ci/run); these tests drive the failures, which end fast: the busy-port check on the real script, and the checks of
/// scripts/lib/demo-checks.sh one by one against real sandboxes and agents. <c>--gateway</c> runs here whole, on what
/// the test build made (DEMO_SKIP_BUILD), as it is not part of the CI demo.
/// </summary>
public sealed class DemoScriptTests
{
    private const string Checks = "scripts/lib/demo-checks.sh";
    private static readonly string[] PortVariables =
        ["SANDBOX_PORT", "METRICS_SERVER_PORT", "ADMIN_SERVER_PORT", "GATEWAY_PORT", "GATEWAY_METRICS_PORT", "GATEWAY_ADMIN_PORT"];

    [Theory]
    [InlineData("SANDBOX_PORT")]
    [InlineData("METRICS_SERVER_PORT")]
    [InlineData("ADMIN_SERVER_PORT")]
    [InlineData("SANDBOX_PORT", "--gateway")]
    [InlineData("GATEWAY_PORT", "--gateway")]
    [InlineData("GATEWAY_METRICS_PORT", "--gateway")]
    [InlineData("GATEWAY_ADMIN_PORT", "--gateway")]
    [InlineData("METRICS_SERVER_PORT", "--gateway")]
    [InlineData("ADMIN_SERVER_PORT", "--gateway")]
    public async Task Demo_PortBusy_FailsBeforeBuildingWithOneLineNamingThePortVariable(string variable, string? flag = null)
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;
        var environment = FreePorts();
        environment[variable] = port.ToString();

        var result = await RunAsync([RepositoryFiles.PathOf("scripts/demo.sh"), .. flag is null ? Array.Empty<string>() : [flag]], environment);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            $"demo: port {port} is already in use: stop what listens there or set {variable} to a free port",
            Assert.Single(Lines(result.StandardError)));
        Assert.DoesNotContain("Building", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("Demo run succeeded", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitForOwn_ProcessExitsWhileWaiting_FailsAtOnceWithItsLogTailAndThePortVariable()
    {
        // Without the liveness check the loop would wait out its 60 s and say it timed out instead.
        const string Script = """
            source "$1"
            log="$(mktemp)"
            (echo "Failed to bind to address http://127.0.0.1:18080: address already in use"; exit 1) >"$log" 2>&1 &
            wait_for_own $! "the sandbox" "$log" "port 18080 busy? set SANDBOX_PORT" 60 false
            """;

        var result = await RunScriptAsync(Script);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("address already in use", result.StandardError, StringComparison.Ordinal);
        Assert.Equal("demo: the sandbox exited: port 18080 busy? set SANDBOX_PORT", Lines(result.StandardError)[^1]);
    }

    [Fact]
    public async Task SandboxIsOurs_AnotherSandboxAnswersOnThePort_FailsNamingSandboxPort()
    {
        await using var stranger = await SandboxServer.StartAsync(new Dictionary<string, string?> { ["Sandbox:InstanceId"] = "someone-elses" });
        await using var own = await SandboxServer.StartAsync(new Dictionary<string, string?> { ["Sandbox:InstanceId"] = "the-demos" });

        var foreign = await RunScriptAsync("""source "$1"; sandbox_is_ours "$2" the-demos SANDBOX_PORT""", Url(stranger.BaseUrl));
        var ours = await RunScriptAsync("""source "$1"; sandbox_is_ours "$2" the-demos SANDBOX_PORT""", Url(own.BaseUrl));

        Assert.Equal(1, foreign.ExitCode);
        Assert.Equal(
            $"demo: another sandbox (instance someone-elses) answers at {Url(stranger.BaseUrl)}, not the one this demo started: set SANDBOX_PORT to a free port",
            Assert.Single(Lines(foreign.StandardError)));
        Assert.Equal((0, ""), (ours.ExitCode, ours.StandardError));
    }

    [Fact]
    public async Task AgentIsOurs_AnotherInstanceHoldsTheAgentIdOnTheSandbox_FailsNamingAgentId()
    {
        await using var demo = await AgentRig.StartAsync("demo-agent");
        await using var leftover = await AgentRig.StartAsync("demo-agent");

        // The demo's sandbox has its own agent; a leftover agent with the same id is connected elsewhere.
        var stranger = await RunScriptAsync(
            """source "$1"; agent_is_ours "$2" "$3" demo-agent""", Url(demo.Sandbox.BaseUrl), Url(leftover.Agent.AdminUrl));
        var own = await RunScriptAsync(
            """source "$1"; agent_is_ours "$2" "$3" demo-agent""", Url(demo.Sandbox.BaseUrl), Url(demo.Agent.AdminUrl));

        Assert.Equal(1, stranger.ExitCode);
        var message = Assert.Single(Lines(stranger.StandardError));
        Assert.StartsWith("demo: another agent (instance ", message, StringComparison.Ordinal);
        Assert.EndsWith("as demo-agent: stop it or set AGENT_ID to another id", message, StringComparison.Ordinal);
        Assert.Equal((0, ""), (own.ExitCode, own.StandardError));
    }

    [Fact]
    public async Task DemoGateway_ActsAsOpenMetadataThroughTheGateway_RunSucceedsAndItsLogIsRead()
    {
        var environment = FreePorts();
        environment["DEMO_SKIP_BUILD"] = "1";

        var result = await RunAsync([RepositoryFiles.PathOf("scripts/demo.sh"), "--gateway"], environment, TimeSpan.FromSeconds(90));

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\n{result.StandardOutput}\n{result.StandardError}");
        var runId = Assert.Single(Regex.Matches(result.StandardOutput, "\"runId\":\"([0-9a-f-]{36})\"\\}").Select(m => m.Groups[1].Value));
        Assert.Contains($"{{\"pipelineState\":\"success\",\"runId\":\"{runId}\"", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"[main] pipelineType=metadata runId={runId}", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("==> Demo run succeeded through the gateway.", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoExecutorKubernetes_RunsAsKubernetesJob_RunSucceedsWithNoArgoWorkflow()
    {
        var environment = FreePorts();
        environment["DEMO_SKIP_BUILD"] = "1";

        var result = await RunAsync([RepositoryFiles.PathOf("scripts/demo.sh"), "--executor", "kubernetes"], environment, TimeSpan.FromSeconds(90));

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\n{result.StandardOutput}\n{result.StandardError}");
        Assert.Contains("(executor: kubernetes)", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("run.status \"pipelineState\":\"success\"", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Kubernetes jobs  : ", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("==> Demo run succeeded.", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoExecutor_UnknownValue_FailsBeforeBuildingWithOneLine()
    {
        var result = await RunAsync([RepositoryFiles.PathOf("scripts/demo.sh"), "--executor", "nomad"], FreePorts());

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("demo: --executor takes argo or kubernetes (got 'nomad')", Assert.Single(Lines(result.StandardError)));
        Assert.DoesNotContain("Building", result.StandardOutput, StringComparison.Ordinal);
    }

    /// <summary>Every port either demo reads, each free.</summary>
    private static Dictionary<string, string> FreePorts() =>
        PortVariables.ToDictionary(variable => variable, _ => FreePort.Next().ToString(), StringComparer.Ordinal);

    private static string Url(Uri uri) => uri.GetLeftPart(UriPartial.Authority);

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static Task<ExternalTool.Result> RunScriptAsync(string script, params string[] arguments) =>
        RunAsync(["-c", $"set -euo pipefail\n{script}", "demo-checks-test", RepositoryFiles.PathOf(Checks), .. arguments], environment: null);

    private static async Task<ExternalTool.Result> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment, TimeSpan? bound = null)
    {
        using var deadline = new CancellationTokenSource(bound ?? TimeSpan.FromSeconds(30));
        return await ExternalTool.RunAsync(ExternalTool.Require("bash", "bash"), arguments, input: null, environment, deadline.Token);
    }
}
