using Agent.Core.Executors.Argo.Generated.Models.Io.Argoproj.Workflow.V1alpha1;

namespace Agent.Core.Executors.Argo;

internal sealed partial class ArgoWorkflowClient
{
    public Task ShutdownWorkflowAsync(string name, ShutdownStrategy strategy, CancellationToken cancellationToken)
    {
        // Argo answers with the whole workflow; the watch reports what the shutdown did.
        var workflow = Workflows[name];
        var request = strategy == ShutdownStrategy.Stop
            ? workflow.Stop.ToPutRequestInformation(new WorkflowStopRequest { Name = name, Namespace = Namespace })
            : workflow.Terminate.ToPutRequestInformation(new WorkflowTerminateRequest { Name = name, Namespace = Namespace });
        return ArgoCall.SendAsync(clients.UnaryAdapter, request, cancellationToken);
    }

    public Task DeleteWorkflowAsync(string name, CancellationToken cancellationToken) =>
        ArgoCall.DoneWhenNotFoundAsync(ArgoCall.SendAsync(clients.UnaryAdapter, Workflows[name].ToDeleteRequestInformation(), cancellationToken));
}
