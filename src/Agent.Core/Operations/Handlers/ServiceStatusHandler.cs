using Agent.Core.Execution;
using Agent.Core.Ingestion;
using Agent.Core.Protocol;
using Agent.Core.Protocol.Messages;

namespace Agent.Core.Operations.Handlers;

/// <summary>
/// <c>service.status</c>: whether the executor's side answers, and the version of the ingestion image the runs use.
/// OpenMetadata compares that version with its server's, so the executor's own version (Argo's) would fail the check
/// on every deployment; the executor is still called, so an unreachable one answers an error.
/// </summary>
internal sealed class ServiceStatusHandler(IRunExecutor executor, IngestionImage image) : IOperationHandler
{
    public string Type => MessageTypes.ServiceStatus;

    public async Task<OperationResult> HandleAsync(Envelope request, CancellationToken cancellationToken)
    {
        await executor.GetVersionAsync(cancellationToken);
        var version = IngestionImageVersion.Of(image.Current);
        return OperationResult.Success(new ServiceStatusData(ResultCodes.Ok, executor.Description.Platform, version), ProtocolJsonContext.Default.ServiceStatusData);
    }
}
