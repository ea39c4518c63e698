using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Agent.Sandbox.Argo.Api;

/// <summary><c>InfoService</c>: version and info, which never reach the kube-apiserver (see <see cref="ArgoEndpointMetadata.NoKubernetesCall"/>).</summary>
internal static class InfoEndpoints
{
    /// <summary>The upstream commit of the v4.1.2 release the sandbox imitates.</summary>
    private const string GitCommit = "f016ad89eb269d282aec06dc491c29f396a38df4";

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/version", GetVersion).WithMetadata(ArgoEndpointMetadata.NoKubernetesCall);
        api.MapGet("/info", GetInfo).WithMetadata(ArgoEndpointMetadata.NoKubernetesCall);
    }

    private static ArgoJsonResult GetVersion(IOptions<ArgoEmulatorOptions> options) => new ArgoJsonResult(new JsonObject
    {
        ["version"] = options.Value.Version,
        ["buildDate"] = "2026-08-21T00:00:00Z",
        ["gitCommit"] = GitCommit,
        ["gitTag"] = options.Value.Version,
        ["gitTreeState"] = "clean",
        ["goVersion"] = "go1.24.6",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    });

    private static ArgoJsonResult GetInfo() => new ArgoJsonResult(new JsonObject
    {
        ["managedNamespace"] = "",
        ["links"] = new JsonArray(),
        ["columns"] = new JsonArray(),
        ["navColor"] = "",
        ["modals"] = new JsonObject(),
    });
}
