using System.Text.RegularExpressions;
using Agent.Sandbox.Argo.Errors;
using Agent.Sandbox.Argo.Lifecycle;
using Agent.Sandbox.Argo.Query;
using Agent.Sandbox.Argo.Streaming;
using Microsoft.Extensions.Options;

namespace Agent.Sandbox.Argo.Api;

/// <summary>
/// <c>GET /api/v1/workflows/{namespace}/{name}/log</c> (<c>WorkflowService_WorkflowLogs</c>; Argo v4.1.2
/// util/logs/workflow-logger.go, FIDELITY §4). Streams every pod labelled with the workflow (each retry attempt and the
/// exit handler), narrowed by <c>selector</c> and <c>podName</c>, skipping Pending pods; <c>logOptions.container</c> is
/// passed to the "kubelet", so an empty or unknown container gives no lines. Pods are interleaved. With
/// <c>logOptions.follow</c> it streams until the workflow is fulfilled.
/// </summary>
internal static class LogsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/workflows/{namespace}/{name}/log", StreamLogsAsync).WithMetadata(ArgoEndpointMetadata.Stream);

    private static async Task StreamLogsAsync(
        string @namespace, string name, HttpContext context, ArgoEmulator emulator, TimeProvider timeProvider,
        IOptions<ArgoEmulatorOptions> options, IHostApplicationLifetime lifetime)
    {
        var query = context.Request.Query;
        var follow = string.Equals(query["logOptions.follow"], "true", StringComparison.OrdinalIgnoreCase);
        var pods = emulator.GetPods(@namespace, name);
        var filter = new PodLogFilter(
            LabelSelector.Parse(JoinSelector(name, query["selector"].ToString())),
            query["podName"].ToString(),
            query["logOptions.container"].ToString(),
            ParseGrep(query["grep"]));

        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        await using var writer = new ArgoStreamWriter(
            context.Response, timeProvider, TimeSpan.FromSeconds(options.Value.SseKeepAliveSeconds));
        try
        {
            await writer.StartAsync(stopping.Token);
            await PodLogRelay.RelayAsync(pods, filter, follow, writer, stopping.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The client hung up or the sandbox is stopping: the stream just ends.
        }
    }

    /// <summary>workflow-logger.go: the workflow label, then the caller's selector after a comma.</summary>
    private static string JoinSelector(string workflowName, string selector) =>
        selector.Length == 0 ? $"{EmulatedPod.WorkflowLabel}={workflowName}" : $"{EmulatedPod.WorkflowLabel}={workflowName},{selector}";

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
