using System.Text.Json.Nodes;
using Agent.Sandbox.Kubernetes.State;

namespace Agent.Sandbox.Kubernetes.Api;

/// <summary>
/// <c>/version</c> and the legacy discovery documents (<c>/api</c>, <c>/apis</c>, <c>/api/v1</c>, <c>/apis/batch/v1</c>)
/// for the emulated kinds, in the shapes of K8S staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/types.go
/// (APIVersions, APIGroupList, APIResourceList) and pkg/version/types.go Info.
/// </summary>
internal static class DiscoveryEndpoints
{
    public const string GitVersion = "v1.33.0-sandbox";

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/version", () => new KubeJsonResult(new JsonObject
        {
            ["major"] = "1",
            ["minor"] = "33",
            ["gitVersion"] = GitVersion,
            ["gitCommit"] = "sandbox",
            ["gitTreeState"] = "clean",
            ["buildDate"] = "2026-01-01T00:00:00Z",
            ["goVersion"] = "go1.24.0",
            ["compiler"] = "gc",
            ["platform"] = "linux/amd64",
        })).WithSummary("apiserver version");
        api.MapGet("/api", () => new KubeJsonResult(new JsonObject
        {
            ["kind"] = "APIVersions",
            ["versions"] = new JsonArray("v1"),
            ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = "127.0.0.1:6443" }),
        })).WithSummary("Core API versions");
        api.MapGet("/apis", () => new KubeJsonResult(new JsonObject
        {
            ["kind"] = "APIGroupList",
            ["apiVersion"] = "v1",
            ["groups"] = new JsonArray(new JsonObject
            {
                ["name"] = "batch",
                ["versions"] = new JsonArray(new JsonObject { ["groupVersion"] = "batch/v1", ["version"] = "v1" }),
                ["preferredVersion"] = new JsonObject { ["groupVersion"] = "batch/v1", ["version"] = "v1" },
            }),
        })).WithSummary("API groups");
        api.MapGet("/api/v1", () => Resources("v1", "")).WithSummary("Core v1 resources");
        api.MapGet("/apis/batch/v1", () => Resources("batch/v1", "batch")).WithSummary("batch/v1 resources");
    }

    private static KubeJsonResult Resources(string groupVersion, string group) => new(new JsonObject
    {
        ["kind"] = "APIResourceList",
        ["apiVersion"] = "v1",
        ["groupVersion"] = groupVersion,
        ["resources"] = new JsonArray([.. KubeKind.All.Where(k => k.Group == group).Select(k => (JsonNode)new JsonObject
        {
            ["name"] = k.Plural,
            ["singularName"] = k.Kind.ToLowerInvariant(),
            ["namespaced"] = true,
            ["kind"] = k.Kind,
            ["verbs"] = new JsonArray("create", "delete", "get", "list", "patch", "update", "watch"),
        })]),
    });
}
