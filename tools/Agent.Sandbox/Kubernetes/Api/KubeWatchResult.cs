using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Query;
using Agent.Sandbox.Kubernetes.State;
using Microsoft.Extensions.Options;

namespace Agent.Sandbox.Kubernetes.Api;

/// <summary>
/// A watch stream as the apiserver writes it (K8S staging/src/k8s.io/apiserver/pkg/endpoints/handlers/watch.go;
/// research-16 §3.7): HTTP 200, then one JSON <c>{"type","object"}</c> per line. A resourceVersion the bounded window no
/// longer holds still answers 200, then a single ERROR event whose object is the 410 <c>Expired</c> Status, then the
/// end of the stream (KubernetesClient hands that to <c>onError</c>). With <c>allowWatchBookmarks=true</c> the watch
/// gets a BOOKMARK every <c>BookmarkSeconds</c> and just before <c>timeoutSeconds</c> closes it.
/// </summary>
internal sealed class KubeWatchResult(KubernetesEmulator emulator, KubeKind kind, string @namespace, LabelSelector selector, IQueryCollection query) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var text = query["resourceVersion"].ToString();
        long? since = text is "" or "0" ? null
            : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed
            : throw KubeStatus.BadRequest($"invalid resource version: {text}");
        var bookmarks = query["allowWatchBookmarks"] == "true";
        var (watch, oldest) = emulator.Store.Open(kind, @namespace, selector, since, bookmarks);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        var aborted = httpContext.RequestAborted;
        if (watch is null)
        {
            await WriteAsync(response, "ERROR", KubeStatus.Expired(since!.Value, oldest), aborted);
            return;
        }

        using (watch)
        {
            var services = httpContext.RequestServices;
            var time = services.GetRequiredService<TimeProvider>();
            var options = services.GetRequiredService<IOptions<KubernetesEmulatorOptions>>().Value;
            var period = TimeSpan.FromSeconds(options.BookmarkSeconds);
            using var bookmarkTimer = bookmarks ? time.CreateTimer(_ => watch.Publish(emulator.Store.BookmarkEvent(kind)), null, period, period) : null;
            using var timeout = int.TryParse(query["timeoutSeconds"], out var seconds) && seconds > 0
                ? new CancellationTokenSource(TimeSpan.FromSeconds(seconds), time)
                : new CancellationTokenSource();
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(aborted, timeout.Token);
            await response.Body.FlushAsync(aborted);
            try
            {
                await foreach (var watchEvent in watch.Events.ReadAllAsync(linked.Token))
                {
                    await WriteAsync(response, watchEvent.Type, watchEvent.Object, aborted);
                }
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !aborted.IsCancellationRequested)
            {
                if (bookmarks)
                {
                    await WriteAsync(response, KubeWatch.Bookmark, emulator.Store.BookmarkEvent(kind).Object, aborted);
                }
            }
            catch (OperationCanceledException) when (aborted.IsCancellationRequested)
            {
                // The client went away.
            }
        }
    }

    private static async Task WriteAsync(HttpResponse response, string type, JsonObject body, CancellationToken cancellationToken)
    {
        var line = Argo.Json.ArgoJson.Serialize(new JsonObject { ["type"] = type, ["object"] = body.DeepClone() }) + "\n";
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(line), cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
