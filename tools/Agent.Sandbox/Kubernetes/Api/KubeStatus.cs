using System.Text.Json.Nodes;
using Agent.Sandbox.Kubernetes.State;
using Agent.Sandbox.Kubernetes.Validation;

namespace Agent.Sandbox.Kubernetes.Api;

/// <summary>
/// The apiserver's error <c>Status</c> objects with their real texts (K8S
/// staging/src/k8s.io/apimachinery/pkg/api/errors/errors.go: NewNotFound, NewAlreadyExists, NewInvalid,
/// NewResourceExpired, NewRequestEntityTooLargeError, NewBadRequest, NewServiceUnavailable).
/// </summary>
internal static class KubeStatus
{
    public static KubeApiException NotFound(KubeKind kind, string name) =>
        new(Build(404, "NotFound", $"{kind.Qualified} \"{name}\" not found", Details(kind, name)));

    public static KubeApiException AlreadyExists(KubeKind kind, string name) =>
        new(Build(409, "AlreadyExists", $"{kind.Qualified} \"{name}\" already exists", Details(kind, name)));

    public static KubeApiException Conflict(KubeKind kind, string name, string detail) =>
        new(Build(409, "Conflict", $"Operation cannot be fulfilled on {kind.Qualified} \"{name}\": {detail}", Details(kind, name)));

    /// <summary>NewInvalid: one error is quoted as is, several as a bracketed list (ToAggregate).</summary>
    public static KubeApiException Invalid(KubeKind kind, string name, IReadOnlyList<FieldError> errors)
    {
        var summary = errors.Count == 1 ? errors[0].ToString() : "[" + string.Join(", ", errors.Select(e => e.ToString())) + "]";
        var details = Details(kind, name);
        details["causes"] = new JsonArray([.. errors.Select(e => (JsonNode)new JsonObject
        {
            ["reason"] = e.Reason,
            ["message"] = e.Body,
            ["field"] = e.Field,
        })]);
        return new(Build(422, "Invalid", $"{kind.QualifiedKind} \"{name}\" is invalid: {summary}", details));
    }

    /// <summary>The apiserver's MaxRequestBodyBytes guard (K8S staging/src/k8s.io/apiserver/pkg/server/config.go, 3 MiB).</summary>
    public static KubeApiException TooLarge(long limit) =>
        new(Build(413, "RequestEntityTooLarge", $"Request entity too large: limit is {limit}", null));

    /// <summary>NewServiceUnavailable: what a request meets while the apiserver (or its storage) cannot serve it.</summary>
    public static KubeApiException ServiceUnavailable(string message) => new(Build(503, "ServiceUnavailable", message, null));

    public static KubeApiException BadRequest(string message) => new(Build(400, "BadRequest", message, null));

    public static KubeApiException UnsupportedMediaType(string contentType) =>
        new(Build(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json; got {contentType}", null));

    /// <summary>
    /// What the watch cache answers for a resourceVersion it no longer holds (K8S
    /// staging/src/k8s.io/apiserver/pkg/storage/cacher/watch_cache.go getAllEventsSinceLocked).
    /// </summary>
    public static JsonObject Expired(long requested, long oldest) =>
        Build(410, "Expired", $"too old resource version: {requested} ({oldest - 1})", null);

    public static JsonObject Details(KubeKind kind, string name)
    {
        var details = new JsonObject { ["name"] = name };
        if (kind.Group.Length > 0)
        {
            details["group"] = kind.Group;
        }

        details["kind"] = kind.Plural;
        return details;
    }

    private static JsonObject Build(int code, string reason, string message, JsonObject? details)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
            ["reason"] = reason,
        };
        if (details is not null)
        {
            status["details"] = details;
        }

        status["code"] = code;
        return status;
    }
}
