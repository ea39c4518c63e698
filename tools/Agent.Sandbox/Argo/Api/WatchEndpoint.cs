using Agent.Sandbox.Argo.Errors;
using Agent.Sandbox.Argo.State;
using Agent.Sandbox.Argo.Streaming;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Agent.Sandbox.Argo.Api;

/// <summary>
/// <c>GET /api/v1/workflow-events/{namespace}</c> (<c>WorkflowService_WatchWorkflows</c>): a k8s watch relayed as a
/// stream. Selector errors fail before the headers; everything after (too old resourceVersion, watch closed) is in-band.
/// </summary>
internal static class WatchEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/workflow-events/{namespace}", WatchAsync).WithMetadata(ArgoEndpointMetadata.Stream);

    private static async Task WatchAsync(
        string @namespace, HttpContext context, ArgoEmulator emulator, TimeProvider timeProvider,
        IOptions<ArgoEmulatorOptions> options, IHostApplicationLifetime lifetime)
    {
        var query = ListQuery.From(context.Request.Query, fieldsPrefix: "result.object.");
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var cancellationToken = stopping.Token;
        await using var writer = new ArgoStreamWriter(
            context.Response, timeProvider, TimeSpan.FromSeconds(options.Value.SseKeepAliveSeconds));
        try
        {
            // Subscribe before the headers go out, as Argo opens the k8s watch before SendHeader: a client that has
            // seen the headers can rely on the watch being established.
            using var subscription = TrySubscribe(emulator, @namespace, query, out var failure);
            await writer.StartAsync(cancellationToken);
            if (subscription is null)
            {
                await writer.WriteErrorAsync(failure!.GrpcCode, failure.Message, cancellationToken);
                return;
            }

            await RelayAsync(subscription, query, writer, cancellationToken);
            await writer.WriteErrorAsync(GrpcCode.ResourceExhausted, StreamErrors.WatchClosedMessage, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client hung up or the sandbox is stopping: the stream just ends.
        }
    }

    /// <summary>A too-old resourceVersion is reported in-band after the 200 headers, like the k8s 410 it stands for.</summary>
    private static WatchSubscription? TrySubscribe(
        ArgoEmulator emulator, string @namespace, ListQuery query, out ArgoApiException? failure)
    {
        try
        {
            failure = null;
            return emulator.Watch(@namespace, query.ResourceVersion);
        }
        catch (ArgoApiException exception)
        {
            failure = exception;
            return null;
        }
    }

    private static async Task RelayAsync(
        WatchSubscription subscription, ListQuery query, ArgoStreamWriter writer, CancellationToken cancellationToken)
    {
        await foreach (var watchEvent in subscription.Events.ReadAllAsync(cancellationToken))
        {
            if (VisibleType(watchEvent, query) is not { } type)
            {
                continue;
            }

            var result = new JsonObject
            {
                ["type"] = type,
                ["object"] = query.Projection?.Apply(watchEvent.Object) ?? watchEvent.Object.DeepClone(),
            };
            await writer.WriteResultAsync(result, cancellationToken);
        }
    }

    /// <summary>
    /// The watch cache's view through a selector: an object that starts matching is ADDED, one that stops matching is
    /// DELETED, and changes outside the selection are not sent at all.
    /// </summary>
    private static string? VisibleType(WatchEvent watchEvent, ListQuery query)
    {
        var matchesNow = query.Matches(watchEvent.Object);
        if (watchEvent.Type != WatchEvent.Modified)
        {
            return matchesNow ? watchEvent.Type : null;
        }

        return (query.Matches(watchEvent.Previous), matchesNow) switch
        {
            (true, true) => WatchEvent.Modified,
            (false, true) => WatchEvent.Added,
            (true, false) => WatchEvent.Deleted,
            _ => null,
        };
    }
}
