using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Agent.Sandbox.Argo.Errors;
using Agent.Sandbox.Argo.Lifecycle;
using Agent.Sandbox.Argo.Streaming;
using Microsoft.Extensions.Options;

namespace Agent.Sandbox.Argo.Api;

/// <summary>
/// <c>GET /api/v1/workflows/{namespace}/{name}/log</c> (<c>WorkflowService_WorkflowLogs</c>). Logs come only from live
/// pods: before Running, or once pods are garbage-collected, the answer is an empty 200 stream, as with real Argo.
/// With <c>logOptions.follow</c> it waits for the pod and streams new lines until the workflow completes.
/// </summary>
internal static class LogsEndpoint
{
    private const string MainContainerName = "main";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/workflows/{namespace}/{name}/log", StreamLogsAsync).WithMetadata(ArgoEndpointMetadata.Stream);

    private static async Task StreamLogsAsync(
        string @namespace, string name, HttpContext context, ArgoEmulator emulator, TimeProvider timeProvider,
        IOptions<ArgoEmulatorOptions> options, IHostApplicationLifetime lifetime)
    {
        var query = context.Request.Query;
        var follow = string.Equals(query["logOptions.follow"], "true", StringComparison.OrdinalIgnoreCase);
        var grep = ParseGrep(query["grep"]);
        var book = emulator.GetPodLog(@namespace, name, out var mainContainer);
        var podName = query["podName"].ToString();
        var container = query["logOptions.container"].ToString();
        var selected = (container.Length == 0 || container == MainContainerName)
            && (podName.Length == 0 || podName == mainContainer.PodName);

        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        await using var writer = new ArgoStreamWriter(
            context.Response, timeProvider, TimeSpan.FromSeconds(options.Value.SseKeepAliveSeconds));
        try
        {
            await writer.StartAsync(stopping.Token);
            await RelayAsync(book, selected ? mainContainer.PodName : null, grep, follow, writer, stopping.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The client hung up or the sandbox is stopping: the stream just ends.
        }
    }

    private static async Task RelayAsync(
        PodLogBook book, string? podName, Regex? grep, bool follow, ArgoStreamWriter writer, CancellationToken cancellationToken)
    {
        var position = 0;
        while (true)
        {
            var (lines, state, changed) = book.Read(position);
            if (state == PodState.Deleted)
            {
                return;
            }

            position += lines.Count;
            foreach (var line in lines.Where(line => podName is not null && (grep is null || grep.IsMatch(line))))
            {
                await writer.WriteResultAsync(new JsonObject { ["podName"] = podName, ["content"] = line }, cancellationToken);
            }

            if (!follow || state == PodState.Completed)
            {
                return;
            }

            await changed.WaitAsync(cancellationToken);
        }
    }

    private static Regex? ParseGrep(string? pattern)
    {
        if (string.IsNullOrEmpty(pattern))
        {
            return null;
        }

        try
        {
            return new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException exception)
        {
            throw ArgoApiException.InvalidArgument($"invalid grep pattern: {exception.Message}");
        }
    }
}
