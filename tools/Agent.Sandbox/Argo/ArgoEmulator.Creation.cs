using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Errors;
using Agent.Sandbox.Argo.Json;
using Agent.Sandbox.Argo.Validation;

namespace Agent.Sandbox.Argo;

internal sealed partial class ArgoEmulator
{
    /// <summary>
    /// The create path both kinds share, in the Argo Server's order: take the object out of its request wrapper
    /// (<paramref name="field"/>; missing is <paramref name="missingBody"/>), default its namespace, and run Argo's
    /// validation (<c>server/workflow/workflow_server.go</c>, <c>server/cronworkflow/cron_workflow_server.go</c>).
    /// The apiserver's own checks (<see cref="ObjectNaming.AdmitCreate"/>) come after, and only for a real create.
    /// </summary>
    private static JsonObject ReadNewResource(
        string @namespace, JsonObject request, string field, ArgoApiException missingBody, Action<JsonObject> validate)
    {
        var resource = (request[field] as JsonObject)?.DeepClone().AsObject() ?? throw missingBody;
        ObjectNaming.DefaultNamespace(resource, @namespace);
        validate(resource);
        return resource;
    }

    private static bool IsClientDryRun(JsonObject request) => request["createOptions"]?["dryRun"] is JsonArray { Count: > 0 };

    /// <summary>The read-only fields the apiserver sets on create; resourceVersion comes from the store.</summary>
    private void StampCreation(JsonObject resource)
    {
        var metadata = ResourceJson.Metadata(resource);
        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = Rfc3339.Format(timeProvider.GetUtcNow());
    }
}
