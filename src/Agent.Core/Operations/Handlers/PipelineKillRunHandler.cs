using Agent.Core.Argo;
using Agent.Core.Identity;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.Core.Runs;

namespace Agent.Core.Operations.Handlers;

/// <summary><c>pipeline.killRun</c>: stops one run, if this agent owns it; a finished run is left as it is.</summary>
public sealed class PipelineKillRunHandler(IArgoWorkflowClient argo, RunTerminator terminator, AgentIdentity identity) : IOperationHandler
{
    public string Type => MessageTypes.PipelineKillRun;

    public async Task<OperationResult> HandleAsync(Envelope request, CancellationToken cancellationToken)
    {
        if (!PayloadReader.TryRead(request.Payload, ProtocolJsonContext.Default.PipelineKillRunRequest, out var payload, out var reason))
        {
            return OperationResult.BadRequest(reason);
        }

        var workflow = await OwnedRuns.FindAsync(argo, identity.AgentId, payload.PipelineFqn, payload.RunId, cancellationToken);
        if (workflow is null)
        {
            return OperationResult.NotFound($"run '{payload.RunId}' of pipeline '{payload.PipelineFqn}' is not a run of this agent");
        }

        if (workflow.IsCompleted)
        {
            return OperationResult.Success(new StoppedRunsData([]), ProtocolJsonContext.Default.StoppedRunsData, payload.RunId);
        }

        await terminator.StopAsync(workflow.Name, cancellationToken);
        return OperationResult.Success(new StoppedRunsData([payload.RunId]), ProtocolJsonContext.Default.StoppedRunsData, payload.RunId);
    }
}
