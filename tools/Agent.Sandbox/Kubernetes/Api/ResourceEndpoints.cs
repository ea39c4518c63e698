using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Query;
using Agent.Sandbox.Kubernetes.Controllers;
using Agent.Sandbox.Kubernetes.Json;
using Agent.Sandbox.Kubernetes.State;

namespace Agent.Sandbox.Kubernetes.Api;

/// <summary>
/// The namespaced REST routes of each emulated kind, spelled as the apiserver serves them and as KubernetesClient
/// calls them: <c>{base}/namespaces/{ns}/{plural}</c> (list, watch with <c>?watch=true</c>, create) and
/// <c>…/{name}</c> (get, patch, replace, delete).
/// </summary>
internal static class ResourceEndpoints
{
    /// <summary>K8S pkg/registry/batch/job/storage/storage.go deleteOptionWarnings.</summary>
    public const string JobOrphanWarning =
        "child pods are preserved by default when jobs are deleted; set propagationPolicy=Background to remove them or set propagationPolicy=Orphan to suppress this warning";

    public static void Map(IEndpointRouteBuilder api)
    {
        foreach (var kind in KubeKind.All)
        {
            var collection = $"{kind.BasePath}/namespaces/{{namespace}}/{kind.Plural}";
            api.MapGet(collection, (string @namespace, HttpContext context, KubernetesEmulator emulator) => ListOrWatchAsync(kind, @namespace, context, emulator))
                .WithSummary($"List or watch {kind.Plural}");
            api.MapPost(collection, (string @namespace, HttpRequest request, KubernetesEmulator emulator) => CreateAsync(kind, @namespace, request, emulator))
                .WithSummary($"Create a {kind.Kind}");
            api.MapGet(collection + "/{name}", (string @namespace, string name, KubernetesEmulator emulator) => Get(kind, @namespace, name, emulator))
                .WithSummary($"Read a {kind.Kind}");
            api.MapPatch(collection + "/{name}", (string @namespace, string name, HttpRequest request, KubernetesEmulator emulator) => PatchAsync(kind, @namespace, name, request, emulator))
                .WithSummary($"Patch a {kind.Kind} (merge, strategic merge or JSON patch)");
            api.MapPut(collection + "/{name}", (string @namespace, string name, HttpRequest request, KubernetesEmulator emulator) => ReplaceAsync(kind, @namespace, name, request, emulator))
                .WithSummary($"Replace a {kind.Kind}");
            api.MapDelete(collection + "/{name}", (string @namespace, string name, HttpRequest request, KubernetesEmulator emulator) => DeleteAsync(kind, @namespace, name, request, emulator))
                .WithSummary($"Delete a {kind.Kind} (propagationPolicy Background, Foreground or Orphan)");
        }
    }

    private static async Task<IResult> ListOrWatchAsync(KubeKind kind, string @namespace, HttpContext context, KubernetesEmulator emulator)
    {
        var query = context.Request.Query;
        var selector = LabelSelector.Parse(query["labelSelector"]);
        if (query["watch"] is var watch && (watch == "true" || watch == "1"))
        {
            return new KubeWatchResult(emulator, kind, @namespace, selector, query);
        }

        await Task.CompletedTask;
        var (items, revision) = emulator.List(kind, @namespace, selector);
        if (int.TryParse(query["limit"], out var limit) && limit > 0)
        {
            items = [.. items.Take(limit)];
        }

        foreach (var item in items)
        {
            item.Remove("kind");
            item.Remove("apiVersion");
        }

        return new KubeJsonResult(new JsonObject
        {
            ["kind"] = kind.ListKind,
            ["apiVersion"] = kind.ApiVersion,
            ["metadata"] = new JsonObject { ["resourceVersion"] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            ["items"] = new JsonArray([.. items]),
        });
    }

    private static async Task<IResult> CreateAsync(KubeKind kind, string @namespace, HttpRequest request, KubernetesEmulator emulator)
    {
        var body = await KubeRequestBody.ReadAsync(request);
        return new KubeJsonResult(emulator.Create(kind, @namespace, body), StatusCodes.Status201Created);
    }

    private static KubeJsonResult Get(KubeKind kind, string @namespace, string name, KubernetesEmulator emulator) =>
        new(emulator.Get(new ObjectKey(kind, @namespace, name)));

    private static async Task<IResult> PatchAsync(KubeKind kind, string @namespace, string name, HttpRequest request, KubernetesEmulator emulator)
    {
        var patch = await KubeRequestBody.ReadNodeAsync(request);
        var contentType = request.ContentType ?? "";
        return new KubeJsonResult(emulator.Update(new ObjectKey(kind, @namespace, name), current =>
        {
            // A patch does not carry a resourceVersion precondition unless it sets one.
            var patched = KubePatch.Apply(contentType, current, patch);
            if ((patch as JsonObject)?["metadata"]?["resourceVersion"] is null)
            {
                KubeJson.Child(patched, "metadata").Remove("resourceVersion");
            }

            return patched;
        }));
    }

    private static async Task<IResult> ReplaceAsync(KubeKind kind, string @namespace, string name, HttpRequest request, KubernetesEmulator emulator)
    {
        var body = await KubeRequestBody.ReadAsync(request);
        if (KubeJson.Name(body) != name)
        {
            throw KubeStatus.BadRequest("the name of the object (" + KubeJson.Name(body) + ") does not match the name on the URL (" + name + ")");
        }

        return new KubeJsonResult(emulator.Update(new ObjectKey(kind, @namespace, name), _ => body));
    }

    private static async Task<IResult> DeleteAsync(KubeKind kind, string @namespace, string name, HttpRequest request, KubernetesEmulator emulator)
    {
        var options = request.ContentLength > 0 ? await KubeRequestBody.ReadAsync(request) : null;
        var policy = request.Query["propagationPolicy"].ToString() is { Length: > 0 } fromQuery
            ? fromQuery
            : KubeJson.StringAt(options, "propagationPolicy")
              ?? (request.Query["orphanDependents"] == "true" || KubeJson.BoolAt(options, "orphanDependents") ? GarbageCollector.Orphan : null);
        if (policy is not (null or GarbageCollector.Background or GarbageCollector.Foreground or GarbageCollector.Orphan))
        {
            throw KubeStatus.BadRequest($"DeleteOptions.meta.k8s.io \"\" is invalid: propagationPolicy: Unsupported value: \"{policy}\": supported values: \"Foreground\", \"Background\", \"Orphan\", \"nil\"");
        }

        // batch/v1 Jobs orphan their pods by default (the registry's DefaultGarbageCollectionPolicy), with a warning.
        var warning = policy is null && kind == KubeKind.Job ? JobOrphanWarning : null;
        var effective = policy ?? (kind == KubeKind.Job ? GarbageCollector.Orphan : GarbageCollector.Background);
        var removed = emulator.Delete(new ObjectKey(kind, @namespace, name), effective);
        var details = KubeStatus.Details(kind, name);
        details["uid"] = KubeJson.Uid(removed);
        return new KubeJsonResult(new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Success",
            ["details"] = details,
        }, warning: warning);
    }
}
