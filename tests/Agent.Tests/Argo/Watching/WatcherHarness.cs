using System.Text.Json;
using System.Threading.Channels;
using Agent.Core.Executors.Argo;
using Agent.Core.Identity;
using Agent.Core.Link;
using Agent.Core.Metrics;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.Core.Runs;
using Agent.Tests.Argo.Fakes;
using Agent.Tests.Link;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Agent.Tests.Argo.Watching;

/// <summary>A <see cref="WorkflowWatcher"/> on a scripted Argo and a recording fake clock, with the real reporter, registry and outbox.</summary>
internal sealed class WatcherHarness : IAsyncDisposable
{
    public const string AgentId = "agent-1";

    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(10);

    private readonly WorkflowWatcher _watcher;

    public WatcherHarness()
    {
        Outbox = new ReliableOutbox(10_000, Time);
        Identity = new AgentIdentity(AgentId, Time);
        var argoOptions = Options.Create(new ArgoOptions { PollInterval = PollInterval });
        var reporter = new RunStatusReporter(
            Registry,
            new RunInventory(),
            Outbox,
            Identity,
            new RunRecovery(argoOptions.Value.RecoveryWindow),
            new AgentMetrics(Prometheus.Metrics.NewCustomRegistry(), Time),
            Time,
            NullLogger<RunStatusReporter>.Instance);
        _watcher = new WorkflowWatcher(
            Argo,
            new OwnedWorkflows(Argo, new NoCronWorkflows(), AgentId),
            reporter,
            RunIds,
            argoOptions,
            Time,
            NullLogger<WorkflowWatcher>.Instance);
    }

    public TimerRecordingTimeProvider Time { get; } = new();

    public AgentIdentity Identity { get; }

    public ScriptedWatchArgo Argo { get; } = new();

    public RunRegistry Registry { get; } = new();

    public ArgoRunIds RunIds { get; } = new();

    public ReliableOutbox Outbox { get; }

    public Task StartAsync() => _watcher.StartAsync(CancellationToken.None);

    /// <summary>Starts the watcher on a list of <paramref name="workflows"/> and waits for its first list and watch.</summary>
    public async Task StartWatchingAsync(params ArgoWorkflow[] workflows)
    {
        Argo.SetWorkflows(workflows);
        await StartAsync();
        await ExpectCallAsync("list");
        await ExpectCallAsync("watch", "100");
    }

    /// <summary>Every run.status sent so far, in order.</summary>
    public List<RunStatusPayload> Statuses() =>
        [.. Outbox.After(0).Entries.Select(entry => entry.Message.Payload.Deserialize(ProtocolJsonContext.Default.RunStatusPayload)!)];

    /// <summary>Waits until a run.status of <paramref name="runId"/> in <paramref name="state"/> has been sent.</summary>
    public async Task WaitForStatusAsync(string runId, string state)
    {
        var sent = Channel.CreateUnbounded<int>();
        void OnDepth(int depth) => sent.Writer.TryWrite(depth);
        Outbox.DepthChanged += OnDepth;
        try
        {
            using var timeout = new CancellationTokenSource(TestTimeouts.Default);
            while (!Statuses().Exists(status => status.RunId == runId && status.PipelineState == state))
            {
                await sent.Reader.ReadAsync(timeout.Token);
            }
        }
        finally
        {
            Outbox.DepthChanged -= OnDepth;
        }
    }

    /// <summary>Expects the watcher's next Argo call to be <paramref name="kind"/> (and from <paramref name="resourceVersion"/> when given).</summary>
    public async Task ExpectCallAsync(string kind, string? resourceVersion = null)
    {
        var call = await Argo.NextCallAsync();
        Assert.Equal(kind, call.Kind);
        if (resourceVersion is not null)
        {
            Assert.Equal(resourceVersion, call.ResourceVersion);
        }
    }

    /// <summary>Waits for the watcher to arm its retry delay, then lets it elapse; returns the delay.</summary>
    public async Task<TimeSpan> ElapseRetryDelayAsync()
    {
        using var timeout = new CancellationTokenSource(TestTimeouts.Default);
        var due = await Time.NextTimerAsync(delay => delay > TimeSpan.Zero, timeout.Token);
        Time.Advance(due);
        return due;
    }

    public async ValueTask DisposeAsync()
    {
        await _watcher.StopAsync(CancellationToken.None);
        _watcher.Dispose();
        Outbox.Dispose();
    }
}
