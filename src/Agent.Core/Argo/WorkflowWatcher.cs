using Agent.Core.ControlPlane;
using Agent.Core.Runs;
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
/// poll interval (the retry's longest delay) until the stream is back.
/// </summary>
public sealed partial class WorkflowWatcher(
    IArgoWorkflowClient argo,
    RunStatusReporter reporter,
    RunInventory inventory,
    IOptions<ControlPlaneOptions> controlPlane,
    IOptions<ArgoOptions> options,
    TimeProvider timeProvider,
    ILogger<WorkflowWatcher> logger) : BackgroundService
{
    private string? _resourceVersion;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var selector = WorkflowLabels.SelectorForAgent(controlPlane.Value.AgentId);
        var retry = new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(500),
                MaxDelay = options.Value.PollInterval,
                OnRetry = args =>
                {
                    _resourceVersion = null;
                    Log.WatchFailed(logger, args.Outcome.Exception, args.RetryDelay.TotalSeconds);
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

    private async Task WatchOnceAsync(string selector, CancellationToken cancellationToken)
    {
        if (_resourceVersion is null)
        {
            var page = await argo.ListWorkflowsAsync(selector, cancellationToken);
            foreach (var workflow in page.Workflows.OrderBy(workflow => workflow.CreatedAt))
            {
                await reporter.ObserveAsync(workflow, cancellationToken);
            }

            _resourceVersion = page.ResourceVersion;
            inventory.MarkListed();
            Log.Listed(logger, page.Workflows.Count, _resourceVersion);
        }

        try
        {
            await foreach (var change in argo.WatchWorkflowsAsync(selector, _resourceVersion, cancellationToken))
            {
                await reporter.ObserveAsync(change.Workflow, cancellationToken);
                _resourceVersion = change.Workflow.ResourceVersion ?? _resourceVersion;
            }
        }
        catch (ArgoStreamException ex) when (ex.GrpcCode == 8)
        {
            // The server ended the watch, as Kubernetes watches end every few minutes: resume where it stopped.
            Log.WatchExpired(logger);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2201, Level = LogLevel.Debug, Message = "Listed {Count} workflows of this agent at resource version {ResourceVersion}")]
        public static partial void Listed(ILogger logger, int count, string? resourceVersion);

        [LoggerMessage(EventId = 2202, Level = LogLevel.Debug, Message = "Argo ended the watch stream; resuming")]
        public static partial void WatchExpired(ILogger logger);

        [LoggerMessage(EventId = 2203, Level = LogLevel.Warning, Message = "Watching Argo workflows failed; listing again in {DelaySeconds:0.0} s")]
        public static partial void WatchFailed(ILogger logger, Exception? exception, double delaySeconds);
    }
}
