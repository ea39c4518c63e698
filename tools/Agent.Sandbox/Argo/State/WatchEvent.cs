using System.Text.Json.Nodes;

namespace Agent.Sandbox.Argo.State;

/// <summary>
/// One change of a workflow as a k8s watch reports it. <see cref="Object"/> and <see cref="Previous"/> are
/// published snapshots: shared by every watcher and never mutated, so readers copy before trimming.
/// </summary>
internal sealed record WatchEvent(string Type, JsonObject Object, JsonObject? Previous, long ResourceVersion)
{
    public const string Added = "ADDED";
    public const string Modified = "MODIFIED";
    public const string Deleted = "DELETED";
}
