using Agent.Core.Argo;
using Agent.Core.Identity;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;

namespace Agent.Core.Operations.Handlers;

/// <summary><c>service.status</c>: whether the Argo side answers, and its version.</summary>
public sealed class ServiceStatusHandler(IArgoWorkflowClient argo) : IOperationHandler
{
    public string Type => MessageTypes.ServiceStatus;

    public async Task<OperationResult> HandleAsync(Envelope request, CancellationToken cancellationToken)
    {
        var version = await argo.GetVersionAsync(cancellationToken);
        return OperationResult.Success(new ServiceStatusData(ResultCodes.Ok, AgentIdentity.Platform, version), ProtocolJsonContext.Default.ServiceStatusData);
    }
}
