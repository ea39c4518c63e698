using Agent.Core.Connectivity;
using Agent.Core.Execution;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Agent.Core.Argo;

/// <summary>
/// Follows every workflow of this agent through one watch stream, whatever the number of runs: list once,
/// then watch from the list's resource version and resume from the last event's. Only a too-old resource
/// version forces a new list. While watching fails, each retry lists again, so status still flows at the
/// poll interval (the retry's longest delay) until the stream is back. A watch that ends at once without an
/// event counts as failing too (issue 12, finding 5): reopening it at once would be a hot loop against Argo.
/// </summary>
public sealed partial class WorkflowWatcher(
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

        // One pipeline call is one watch; it is retried while the watch fails or ends at once. A watch that lived is
        // done, and the loop opens the next one at once with a fresh pipeline call, so the backoff starts over.
        var retry = new ResiliencePipelineBuilder<WatchEnd> { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions<WatchEnd>
            {
                ShouldHandle = new PredicateBuilder<WatchEnd>()
                    .Handle<Exception>(ex => ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                    .HandleResult(WatchEnd.AtOnce),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(500),
                MaxDelay = options.Value.PollInterval,
                OnRetry = args =>
                {
                    _resourceVersion = null;
                    if (args.Outcome.Exception is { } exception)
                    {
                        Log.WatchFailed(logger, ExceptionDetail.AtDebug(logger, exception), ArgoErrorMapper.Map(exception).Message, args.RetryDelay.TotalSeconds);
                    }
                    else
                    {
                        Log.WatchEndedAtOnce(logger, args.RetryDelay.TotalSeconds);
                    }

                    return ValueTask.CompletedTask;
                },
            })
            .Build();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await retry.ExecuteAsync(async token => await WatchOnceAsync(selector, token), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
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
        catch (ArgoStreamException ex) when (ex.GrpcCode == 8)
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
