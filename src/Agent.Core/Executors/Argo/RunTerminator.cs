using Agent.Core.Connectivity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Agent.Core.Executors.Argo;

/// <summary>
/// Kills in two steps: stop first, so the exit handler records the run, then terminate whatever is still
/// running once the grace period is over (a stuck exit handler must not keep a killed run alive).
/// </summary>
internal sealed partial class RunTerminator(IArgoWorkflowClient argo, IOptions<ArgoOptions> options, TimeProvider timeProvider, ILogger<RunTerminator> logger) : IDisposable
{
    private readonly CancellationTokenSource _disposing = new();

    public async Task StopAsync(string workflowName, CancellationToken cancellationToken)
    {
        await argo.ShutdownWorkflowAsync(workflowName, ShutdownStrategy.Stop, cancellationToken);
        _ = TerminateLaterAsync(workflowName);
    }

    public void Dispose()
    {
        _disposing.Cancel();
        _disposing.Dispose();
    }

    private async Task TerminateLaterAsync(string workflowName)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(options.Value.KillGraceSeconds), timeProvider, _disposing.Token);
            var workflow = await argo.GetWorkflowAsync(workflowName, _disposing.Token);
            if (workflow is not null && !workflow.IsCompleted && workflow.Phase is "" or "Pending" or "Running")
            {
                Log.Terminating(logger, workflowName, options.Value.KillGraceSeconds);
                await argo.ShutdownWorkflowAsync(workflowName, ShutdownStrategy.Terminate, _disposing.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException && _disposing.IsCancellationRequested)
        {
            // Shutting down; a new agent finds the run still stopping and reports it as it ends.
        }
        catch (Exception ex)
        {
            Log.TerminateFailed(logger, ExceptionDetail.AtDebug(logger, ex), workflowName, ArgoErrorMapper.Map(ex).Message);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = AgentEventIds.WorkflowTerminating, Level = LogLevel.Warning, Message = "Workflow {WorkflowName} still runs {GraceSeconds} s after it was stopped; terminating it")]
        public static partial void Terminating(ILogger logger, string workflowName, int graceSeconds);

        [LoggerMessage(EventId = AgentEventIds.WorkflowTerminateFailed, Level = LogLevel.Warning, Message = "Could not terminate workflow {WorkflowName}: {Cause}")]
        public static partial void TerminateFailed(ILogger logger, Exception? exception, string workflowName, string cause);
    }
}
