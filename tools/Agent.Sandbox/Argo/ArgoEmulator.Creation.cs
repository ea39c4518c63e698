using System.Text.Json.Nodes;
using Agent.Sandbox.Argo.Errors;
using Agent.Sandbox.Argo.Json;
using Agent.Sandbox.Argo.Validation;

namespace Agent.Sandbox.Argo;

internal sealed partial class ArgoEmulator
{
    /// <summary>
    /// The create path both kinds share: take the object out of its request wrapper (<paramref name="field"/>), pin the
    /// namespace, require a name, validate the spec, and, unless <c>createOptions.dryRun</c> is set, assign the name.
    /// </summary>
    private static JsonObject ReadNewResource(
        string @namespace, JsonObject request, string field, string kind, Action<JsonNode?> validateSpec, out bool clientDryRun)
    {
        var resource = (request[field] as JsonObject)?.DeepClone().AsObject()
            ?? throw ArgoApiException.InvalidArgument($"{field} body not specified");
        ObjectNaming.AssignNamespace(resource, @namespace);
        ObjectNaming.RequireNameOrGenerateName(resource, kind);
        validateSpec(resource["spec"]);
        clientDryRun = request["createOptions"]?["dryRun"] is JsonArray { Count: > 0 };
        if (!clientDryRun)
        {
            ObjectNaming.AssignName(resource, kind);
        }

        return resource;
    }

    /// <summary>The read-only fields the apiserver sets on create; resourceVersion comes from the store.</summary>
    private void StampCreation(JsonObject resource)
    {
        var metadata = ResourceJson.Metadata(resource);
        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = Rfc3339.Format(timeProvider.GetUtcNow());
    }
}
