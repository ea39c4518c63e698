using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Agent.IntegrationTests.GatewayReplicas;

/// <summary>
/// A minimal launcher for the built gateway (<c>dotnet Agent.Gateway.dll</c>) as its own process, private to these
/// tests until the shared <c>GatewayProcess</c> of the test kit lands (the lead folds this one into it). Its ports are
/// fixed when it is made, so a restart listens where the agent already dials; its console lines can be awaited.
/// </summary>
internal sealed class ReplicaProcess : IAsyncDisposable
{
    private const string StartedLine = "Application started";
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource Seen)> _waiters = [];
    private Process? _process;

    public ReplicaProcess(string replicaId, IReadOnlyDictionary<string, string> store, string agentsFile)
    {
        ReplicaId = replicaId;
        Port = LoopbackServer.ClosedPort();
        var environment = new Dictionary<string, string>(store)
        {
            ["GATEWAY_HOST"] = "127.0.0.1",
            ["GATEWAY_PORT"] = Port.ToString(CultureInfo.InvariantCulture),
            ["GATEWAY_METRICS_PORT"] = LoopbackServer.ClosedPort().ToString(CultureInfo.InvariantCulture),
            ["GATEWAY_ADMIN_PORT"] = LoopbackServer.ClosedPort().ToString(CultureInfo.InvariantCulture),
            ["AIRFLOW_USERNAME"] = ReplicaFixture.AirflowUser,
            ["AIRFLOW_PASSWORD"] = ReplicaFixture.AirflowPassword,
            ["GATEWAY_AGENTS_FILE"] = agentsFile,
            ["GATEWAY_REPLICA_ID"] = replicaId,
            ["GATEWAY_PRESENCE_TTL_SECONDS"] = "3",
            ["LOG_LEVEL"] = "Information",
        };
        _environment = environment;
    }

    public string ReplicaId { get; }

    public int Port { get; }

    public Uri BaseUri => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>What an agent puts in <c>SERVER_URL</c>.</summary>
    public string AgentServerUrl => $"ws://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Starts the process (again) and waits for the host to say it started.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = WaitForLine(line => line.Contains(StartedLine, StringComparison.Ordinal));
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Agent.Gateway.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var name in start.Environment.Keys.Where(name => name.StartsWith("GATEWAY_", StringComparison.Ordinal) || name.StartsWith("AIRFLOW_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in _environment)
        {
            start.Environment[name] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start the gateway");
        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var exited = _process.WaitForExitAsync(cancellationToken);
        if (await Task.WhenAny(started, exited) != started)
        {
            throw new InvalidOperationException($"gateway {ReplicaId} exited at start:\n{Tail()}");
        }
    }

    /// <summary>Completes when a console line written from now on matches; call it before the action that logs it.</summary>
    public Task WaitForLine(Func<string, bool> match)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters)
        {
            _waiters.Add((match, seen));
        }

        return seen.Task;
    }

    /// <summary>The gateway's log line of the agent's welcome (AgentHubLog.SessionWelcomed).</summary>
    public Task WaitForWelcome(string agentId) =>
        WaitForLine(line => line.Contains($"Agent {agentId} connected: session", StringComparison.Ordinal));

    /// <summary>Stops the process: SIGTERM (graceful, the kubelet's way) or SIGKILL (a crash), and waits for the exit.</summary>
    public async Task StopAsync(bool kill, CancellationToken cancellationToken)
    {
        var process = _process ?? throw new InvalidOperationException("not started");
        using var signal = Process.Start("kill", [kill ? "-KILL" : "-TERM", process.Id.ToString(CultureInfo.InvariantCulture)])!;
        await signal.WaitForExitAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        process.Dispose();
        _process = null;
    }

    public string Tail(int count = 60) => string.Join(Environment.NewLine, _lines.TakeLast(count));

    public async ValueTask DisposeAsync()
    {
        if (_process is { } process)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
            }

            process.Dispose();
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _lines.Enqueue(line);
        lock (_waiters)
        {
            foreach (var waiter in _waiters.Where(waiter => waiter.Match(line)).ToList())
            {
                waiter.Seen.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }
}
