using System.Text.Json.Nodes;

namespace Agent.Sandbox.Kubernetes.Api;

/// <summary>An apiserver failure carried as its <c>Status</c> object (code, reason, message, details).</summary>
internal sealed class KubeApiException(JsonObject status) : Exception(status["message"]?.GetValue<string>())
{
    public JsonObject Status { get; } = status;

    public int Code => Status["code"]!.GetValue<int>();
}
