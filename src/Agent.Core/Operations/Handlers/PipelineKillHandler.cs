using Agent.Core.Argo;
using Agent.Core.ControlPlane;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;
using Agent.Core.Runs;
using Microsoft.Extensions.Options;

namespace Agent.Core.Operations.Handlers;

/// <summary><c>pipeline.kill</c>: stops every unfinished run of the pipeline that this agent owns.</summary>
public sealed class PipelineKillHandler(IArgoWorkflowClient argo, RunTerminator terminator, IOptions<ControlPlaneOptions> controlPlane) : IOperationHandler
{
    public string Type => MessageTypes.PipelineKill;

    public async Task<OperationResult> HandleAsync(Envelope request, CancellationToken cancellationToken)
    {
        if (!PayloadReader.TryRead(request.Payload, ProtocolJsonContext.Default.PipelineFqnRequest, out var payload, out var reason))
        {
            return OperationResult.BadRequest(reason);
        }

        var active = await argo.ListWorkflowsAsync(OwnedRunSelectors.ActiveRunsOf(controlPlane.Value.AgentId, payload.PipelineFqn), cancellationToken);
        var stopped = new List<string>();
        foreach (var workflow in active.Workflows)
        {
            await terminator.StopAsync(workflow.Name, cancellationToken);
            stopped.Add(workflow.RunId ?? workflow.Name);
        }

        return OperationResult.Success(new StoppedRunsData(stopped), ProtocolJsonContext.Default.StoppedRunsData);
    }
}
