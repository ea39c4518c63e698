using Agent.Core.Argo.Generated.Models.Io.Argoproj.Workflow.V1alpha1;

namespace Agent.Core.Argo;

public sealed partial class ArgoWorkflowClient
{
    public async Task ShutdownWorkflowAsync(string name, ShutdownStrategy strategy, CancellationToken cancellationToken)
    {
        try
        {
            var workflow = clients.Unary.Api.V1.Workflows[Namespace][name];
            if (strategy == ShutdownStrategy.Stop)
            {
                await workflow.Stop.PutAsync(new WorkflowStopRequest { Name = name, Namespace = Namespace }, cancellationToken: cancellationToken);
            }
            else
            {
                await workflow.Terminate.PutAsync(new WorkflowTerminateRequest { Name = name, Namespace = Namespace }, cancellationToken: cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw Map(ex);
        }
    }

    public async Task DeleteWorkflowAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            await clients.Unary.Api.V1.Workflows[Namespace][name].DeleteAsync(cancellationToken: cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var mapped = Map(ex);
            if (mapped.Kind != ArgoErrorKind.NotFound)
            {
                throw mapped;
            }
        }
    }
}
