using System.Threading.Channels;
using Agent.Core.Connectivity;
using Agent.Core.Execution;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Agent.Core.Executors.Kubernetes;

/// <summary>
/// Follows every Job of this agent, and their pods (a Job alone cannot tell a Pending pod from a Running one), through
/// two watches read by one loop: list both, then watch each from its list's <c>resourceVersion</c> with bookmarks, and
/// resume from the last event's while watches live. A 410 Expired (the server compacted past our version, K8S
/// staging/src/k8s.io/apiserver/pkg/storage/cacher/watch_cache.go; KubernetesClient hands it to <c>onError</c>,
/// research-16 §2.2, §3.7) relists at once. A watch that fails, or ends at once without an event, is followed by a
/// growing pause (<see cref="WatchBackoff"/>) and a relist, so status still flows at the poll interval while the stream
/// is down. Reports go to <see cref="IRunObserver"/> as the Argo watcher's do, so recovery after a restart is the same.
/// </summary>
internal sealed partial class JobWatcher(
    OwnedJobs owned,
    IRunObserver observer,
    IOptions<KubernetesOptions> options,
    TimeProvider timeProvider,
    ILogger<JobWatcher> logger) : BackgroundService
{
    // Slim records only (docs/benchmarks.md §4): a whole V1Job and V1Pod per run held 17 KB a run at 10,000 runs.
    private readonly Dictionary<string, TrackedJob> _jobs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TrackedPod> _newestPods = new(StringComparer.Ordinal);
    private readonly HashSet<string> _active = new(StringComparer.Ordinal);
    private readonly HashSet<(string Name, long FinishedAt)> _reportedFinals = [];
    private string? _jobsVersion;
    private string? _podsVersion;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = new WatchBackoff(options.Value.PollInterval);
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan delay;
            try
            {
                var end = await WatchOnceAsync(stoppingToken);
                if (end == WatchEnd.Lived)
                {
                    backoff.Reset();
                    continue;
                }

                if (end == WatchEnd.Expired)
                {
                    // Our version is gone from the server's history: list again at once, as client-go's reflector does.
                    Log.WatchExpired(logger);
                    _jobsVersion = null;
                    continue;
                }

                delay = backoff.Next();
                Log.WatchEndedAtOnce(logger, delay.TotalSeconds);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                delay = backoff.Next();
                Log.WatchFailed(logger, ExceptionDetail.AtDebug(logger, ex), KubernetesFailures.ToExecutor(ex).Message, delay.TotalSeconds);
            }

            // The next watch starts from a fresh list, whatever ended this one: events may have been missed.
            _jobsVersion = null;
            await WatchBackoff.PauseAsync(delay, timeProvider, stoppingToken);
        }
    }

    private async Task<WatchEnd> WatchOnceAsync(CancellationToken cancellationToken)
    {
        if (_jobsVersion is null)
        {
            await RelistAsync(cancellationToken);
        }

        var opened = timeProvider.GetTimestamp();
        var events = 0;
        var expired = false;
        var changes = Channel.CreateUnbounded<Change>(new UnboundedChannelOptions { SingleReader = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        void OnError(Exception ex) => expired |= ex is KubernetesException { Status.Code: 410 };
        var timeout = options.Value.WatchTimeoutSeconds;
        var client = owned.Client;
        var pumps = new[]
        {
            PumpAsync(client.BatchV1.WatchListNamespacedJobAsync(owned.Namespace, allowWatchBookmarks: true, labelSelector: owned.Selector, resourceVersion: _jobsVersion, timeoutSeconds: timeout, onError: OnError, cancellationToken: stop.Token), (type, job) => new Change(type, job, null), changes.Writer, stop.Token),
            PumpAsync(client.CoreV1.WatchListNamespacedPodAsync(owned.Namespace, allowWatchBookmarks: true, labelSelector: owned.Selector, resourceVersion: _podsVersion, timeoutSeconds: timeout, onError: OnError, cancellationToken: stop.Token), (type, pod) => new Change(type, null, pod), changes.Writer, stop.Token),
        };
        try
        {
            await foreach (var change in changes.Reader.ReadAllAsync(cancellationToken))
            {
                events++;
                await ObserveChangeAsync(change, cancellationToken);
            }
        }
        finally
        {
            await stop.CancelAsync();
        }

        // The first stream to end closed the channel; a failure of either is this watch's failure.
        foreach (var pump in pumps)
        {
            await pump;
        }

        if (expired)
        {
            return WatchEnd.Expired;
        }

        return events == 0 && timeProvider.GetElapsedTime(opened) < options.Value.PollInterval ? WatchEnd.AtOnce : WatchEnd.Lived;
    }

    private static async Task PumpAsync<T>(
        IAsyncEnumerable<(WatchEventType Type, T Item)> stream, Func<WatchEventType, T, Change> wrap, ChannelWriter<Change> writer, CancellationToken stop)
    {
        try
        {
            await foreach (var (type, item) in stream)
            {
                await writer.WriteAsync(wrap(type, item), stop);
            }

            writer.TryComplete();
        }
        catch (Exception ex) when (stop.IsCancellationRequested && ex is OperationCanceledException or ChannelClosedException)
        {
            // The other stream ended first and this one was stopped with it.
        }
        catch (Exception ex)
        {
            writer.TryComplete(ex);
        }
    }

    /// <summary>One watch event: of a Job or of a pod.</summary>
    private sealed record Change(WatchEventType Type, V1Job? Job, V1Pod? Pod);

    /// <summary>How a watch ended: after it delivered events or lived long enough, at once without any, or expired (410).</summary>
    private enum WatchEnd
    {
        Lived,
        AtOnce,
        Expired,
    }
}
