using System.Runtime.CompilerServices;
using Agent.Core.Executors.Argo.Wire;

namespace Agent.Core.Executors.Argo;

internal sealed partial class ArgoWorkflowClient
{
    public async IAsyncEnumerable<WorkflowEvent> WatchWorkflowsAsync(
        string labelSelector, string? resourceVersion, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = clients.Streaming.Api.V1.WorkflowEvents[Namespace].ToGetRequestInformation(config =>
        {
            config.QueryParameters.ListOptionsLabelSelector = labelSelector;
            config.QueryParameters.ListOptionsResourceVersion = resourceVersion;
            config.QueryParameters.Fields = "result.type," + string.Join(',', ItemFields.Split(',').Select(field => "result.object." + field));

            // Exactly this Accept value switches Argo to SSE, whose keep-alives let a dead stream be noticed.
            config.Headers.Add("Accept", "text/event-stream");
        });
        await using var body = await ArgoCall.OpenAsync(clients.StreamingAdapter, request, cancellationToken);
        var lines = ArgoStreamReader.ReadAsync(body, ArgoJsonContext.Default.StreamLineJsonWatchEventJson, options.Value.WatchIdleTimeout, timeProvider, cancellationToken);
        await foreach (var line in lines)
        {
            if (line.Workflow is not null)
            {
                yield return new WorkflowEvent(line.Type ?? string.Empty, WorkflowJsonMapper.ToWorkflow(line.Workflow));
            }
        }
    }

    public async Task<bool> ReadPodLogAsync(string name, string podName, string container, LogLineSink onLine, CancellationToken cancellationToken)
    {
        // podName becomes a field selector on the workflow's pods, so only that pod is streamed (FIDELITY §4.1).
        var request = clients.Streaming.Api.V1.Workflows[Namespace][name].Log.ToGetRequestInformation(config =>
        {
            config.QueryParameters.PodName = podName;
            config.QueryParameters.LogOptionsContainer = container;
            config.Headers.Add("Accept", "text/event-stream");
        });

        // Disposing the body ends the HTTP response, which is how reading stops once the sink has its page.
        await using var body = await ArgoCall.OpenAsync(clients.StreamingAdapter, request, cancellationToken);
        return await ArgoLogReader.ReadAsync(body, podName, onLine, options.Value.WatchIdleTimeout, timeProvider, cancellationToken);
    }
}
