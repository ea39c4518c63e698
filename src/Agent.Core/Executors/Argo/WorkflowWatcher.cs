using Agent.Core.Connectivity;
using Agent.Core.Execution;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Agent.Core.Executors.Argo;

/// <summary>
/// Follows every workflow of this agent through one watch stream, whatever the number of runs: list once, then watch
/// from the list's resource version and resume from the last event's for as long as watches live. A watch that fails,
/// or ends at once without an event (issue 12, finding 5: reopening it at once would be a hot loop against Argo), is
/// followed by a growing pause (<see cref="WatchBackoff"/>) and a new list, so status still flows at the poll interval
/// (the longest pause) until the stream is back. A plain loop: what ended a watch is logged in one line, never passed on.
/// </summary>
internal sealed partial class WorkflowWatcher(
    IArgoWorkflowClient argo,
    OwnedWorkflows owned,
    IRunObserver observer,
    ArgoRunIds runIds,
    IOptions<ArgoOptions> options,
    TimeProvider timeProvider,
    ILogger<WorkflowWatcher> logger) : BackgroundService
{
    private readonly ReportedFinals _reportedFinals = new();
    private readonly Dictionary<string, ArgoWorkflow> _active = new(StringComparer.Ordinal);
    private string? _resourceVersion;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var selector = owned.Selector;
        var backoff = new WatchBackoff(options.Value.PollInterval);
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan delay;
            try
            {
                if (await WatchOnceAsync(selector, stoppingToken) == WatchEnd.Lived)
                {
                    // A watch that lived is done: the next one opens at once, and the backoff starts over.
                    backoff.Reset();
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
                Log.WatchFailed(logger, ExceptionDetail.AtDebug(logger, ex), ArgoErrorMapper.Map(ex).Message, delay.TotalSeconds);
            }

            // The next watch starts from a fresh list, whatever ended this one: events may have been missed.
            _resourceVersion = null;
            await WatchBackoff.PauseAsync(delay, timeProvider, stoppingToken);
        }
    }

    private async Task<WatchEnd> WatchOnceAsync(string selector, CancellationToken cancellationToken)
    {
        if (_resourceVersion is null)
        {
            await RelistAsync(selector, cancellationToken);
        }

        var opened = timeProvider.GetTimestamp();
        var events = 0;
        try
        {
            await foreach (var change in argo.WatchWorkflowsAsync(selector, _resourceVersion, cancellationToken))
            {
                events++;
                await ObserveChangeAsync(change, cancellationToken);
                _resourceVersion = change.Workflow.ResourceVersion ?? _resourceVersion;
            }
        }
        catch (ArgoStreamException ex) when (ex.GrpcCode == GrpcCode.ResourceExhausted)
        {
            // The server ended the watch, as Kubernetes watches end every few minutes: resume where it stopped.
            Log.WatchExpired(logger);
        }

        // A stream that lived longer than the poll interval is resumed at once: even if every stream ended that way,
        // Argo would get no more watches than the polling fallback makes lists.
        return events == 0 && timeProvider.GetElapsedTime(opened) < options.Value.PollInterval ? WatchEnd.AtOnce : WatchEnd.Lived;
    }

    /// <summary>How a watch ended: after it delivered events or lived long enough, or at once without any.</summary>
    private enum WatchEnd
    {
        Lived,
        AtOnce,
    }
}
