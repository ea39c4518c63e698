using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Agent.Core.Execution;
using Agent.Core.Executors.Kubernetes;
using Agent.Core.Identity;
using Agent.Core.Ingestion;
using Agent.Core.Metrics;
using Agent.Sandbox.ControlPlane.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Prometheus;

namespace Agent.IntegrationTests.Kubernetes;

/// <summary>
/// The Kubernetes executor, as <c>AddKubernetesExecutor</c> registers it, against the sandbox's Kubernetes emulator in
/// process, with a <see cref="RecordingObserver"/> behind the seam. The emulator runs on a fake clock: pods move only when
/// a test advances it.
/// </summary>
internal sealed class KubernetesRig : IAsyncDisposable
{
    public const string Namespace = "ingest";
    public const string AgentId = "agent-k8s";

    private readonly ServiceProvider _services;
    private JobWatcher? _watcher;

    private KubernetesRig(SandboxServer sandbox)
    {
        Sandbox = sandbox;
        _services = BuildServices();
    }

    public SandboxServer Sandbox { get; }

    public RecordingObserver Observer { get; private set; } = new();

    public IRunExecutor Executor => _services.GetRequiredService<IRunExecutor>();

    public IPipelineScheduler Scheduler => _services.GetRequiredService<IPipelineScheduler>();

    public FakeLogCollector Logs => _services.GetFakeLogCollector();

    public CollectorRegistry Metrics { get; } = Prometheus.Metrics.NewCustomRegistry();

    public static string Config(string outcome = "Succeeded") =>
        $"{RequestPayloads.DefaultConfig}\ningestionPipelineFQN: mysql.metadata\n# sandbox-outcome: {outcome}\n";

    public static async Task<KubernetesRig> StartAsync(bool watch = true)
    {
        var sandbox = await SandboxServer.StartAsync(
            new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "None" },
            time: new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero)));
        var rig = new KubernetesRig(sandbox);
        if (watch)
        {
            await rig.StartWatcherAsync();
        }

        return rig;
    }

    /// <summary>A new watcher with a new observer, as after an agent restart.</summary>
    public async Task StartWatcherAsync()
    {
        if (_watcher is not null)
        {
            await _watcher.StopAsync(CancellationToken.None);
            _watcher.Dispose();
        }

        Observer = new RecordingObserver();
        _watcher = ActivatorUtilities.CreateInstance<JobWatcher>(_services, Observer);
        await _watcher.StartAsync(CancellationToken.None);
        await Observer.Listed.WaitAsync(TestTimeouts.Default);
    }

    public static RunRequest Run(string runId, string outcome = "Succeeded", string pipelineName = "metadata") =>
        new(runId, "mysql.metadata", pipelineName, "metadata", Config(outcome));

    public async Task<RunStart> StartRunAsync(RunRequest run) =>
        await Executor.StartAsync(await Executor.PlanAsync(run, CancellationToken.None), CancellationToken.None);

    /// <summary>Completes once the emulator holds <paramref name="count"/> open watches (the watcher's Jobs and pods).</summary>
    public Task WatchesOpenAsync(int count)
    {
        var store = Sandbox.Services.GetRequiredService<Agent.Sandbox.Kubernetes.KubernetesEmulator>().Store;
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        store.WatchOpened += _ =>
        {
            if (store.OpenWatches >= count)
            {
                open.TrySetResult();
            }
        };
        if (store.OpenWatches >= count)
        {
            open.TrySetResult();
        }

        return open.Task.WaitAsync(TestTimeouts.Default);
    }

    public async Task PostAsync(string path, JsonObject body)
    {
        using var response = await Sandbox.Client.PostAsJsonAsync(path, body);
        response.EnsureSuccessStatusCode();
    }

    public async Task<List<JsonObject>> ListAsync(string kind)
    {
        var path = kind is "jobs" or "cronjobs" ? $"/apis/batch/v1/namespaces/{Namespace}/{kind}" : $"/api/v1/namespaces/{Namespace}/{kind}";
        var list = await Sandbox.Client.GetFromJsonAsync<JsonObject>(path);
        return [.. (list!["items"] as JsonArray ?? []).OfType<JsonObject>()];
    }

    /// <summary>Moves the emulator's clock in steps, so each timer it set fires in turn.</summary>
    public void Advance(int seconds)
    {
        for (var i = 0; i < seconds; i++)
        {
            Sandbox.Time.Advance(TimeSpan.FromSeconds(1));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_watcher is not null)
        {
            await _watcher.StopAsync(CancellationToken.None);
            _watcher.Dispose();
        }

        await _services.DisposeAsync();
        await Sandbox.DisposeAsync();
    }

    private ServiceProvider BuildServices()
    {
        var services = new ServiceCollection();
        services.AddFakeLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(Metrics);
        services.AddSingleton<AgentMetrics>();
        services.AddSingleton(provider => new AgentIdentity(AgentId, TimeProvider.System));
        services.AddOptions<IngestionOptions>().Configure(options => options.Image = "openmetadata/ingestion-base:1.9.0");
        services.AddOptions<KubernetesOptions>().Configure(options =>
        {
            options.ApiUrl = Sandbox.BaseUrl.ToString();
            options.Namespace = Namespace;
            options.PollInterval = TimeSpan.FromMilliseconds(200);
        });
        services.AddSingleton<IRunObserver>(_ => Observer);
        services.AddKubernetesExecutor();
        return services.BuildServiceProvider();
    }
}
