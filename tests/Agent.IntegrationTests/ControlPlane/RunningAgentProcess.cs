using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Agent.IntegrationTests.Infrastructure;
using Agent.Web.Configuration;

namespace Agent.IntegrationTests.ControlPlane;

/// <summary>
/// The built agent as its own process, left running so a test can signal it as Kubernetes would (SIGTERM) and then
/// read its exit code and console output. Killed outright on dispose if it is still running.
/// </summary>
internal sealed class RunningAgentProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private RunningAgentProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public IReadOnlyCollection<string> Lines => _lines;

    public int Id => _process.Id;

    /// <summary>Starts the agent against <paramref name="sandbox"/> with the operator's environment variables only.</summary>
    public static RunningAgentProcess Start(SandboxServer sandbox, string agentId, IReadOnlyDictionary<string, string?> extra)
    {
        var directory = AppContext.BaseDirectory;
        var start = new ProcessStartInfo("dotnet", [Path.Combine(directory, "Agent.Web.dll")])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var name in EnvironmentVariableMap.All.SelectMany(variable => variable.Names))
        {
            start.Environment.Remove(name);
        }

        var environment = new Dictionary<string, string?>
        {
            ["AGENT_ID"] = agentId,
            ["SERVER_URL"] = $"ws://127.0.0.1:{sandbox.BaseUrl.Port.ToString(CultureInfo.InvariantCulture)}",
            ["AUTH_TOKEN"] = SandboxServer.ControlPlaneToken,
            ["PIPELINE_SERVICE_CLIENT_ENDPOINT"] = sandbox.BaseUrl.ToString(),
            ["ARGO_TOKEN"] = SandboxServer.ArgoToken,
            ["INGESTION_NAMESPACE"] = "ingestion",
            ["ARGO_INGESTION_IMAGE"] = "openmetadata/ingestion:1.9.0",
            ["METRICS_SERVER_PORT"] = "0",
            ["ADMIN_SERVER_PORT"] = "0",
            ["METRICS_SERVER_HOST"] = "127.0.0.1",
        };
        foreach (var (name, value) in extra)
        {
            environment[name] = value;
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new RunningAgentProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start the agent"));
    }

    /// <summary>Sends SIGTERM, as the kubelet does when a pod is deleted.</summary>
    public async Task TerminateAsync(CancellationToken cancellationToken)
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])
            ?? throw new InvalidOperationException("could not run kill");
        await kill.WaitForExitAsync(cancellationToken);
        Assert.Equal(0, kill.ExitCode);
    }

    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
        }
    }
}
