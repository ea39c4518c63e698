using Agent.Core.Execution;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;

namespace Agent.Core.Operations.Handlers;

/// <summary><c>service.status</c>: whether the executor's side answers, and its version.</summary>
internal sealed class ServiceStatusHandler(IRunExecutor executor) : IOperationHandler
{
    public string Type => MessageTypes.ServiceStatus;

    public async Task<OperationResult> HandleAsync(Envelope request, CancellationToken cancellationToken)
    {
        var version = await executor.GetVersionAsync(cancellationToken);
        return OperationResult.Success(new ServiceStatusData(ResultCodes.Ok, executor.Description.Platform, version), ProtocolJsonContext.Default.ServiceStatusData);
    }
}
