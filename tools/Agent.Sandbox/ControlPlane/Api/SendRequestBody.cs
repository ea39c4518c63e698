using System.Text.Json;

namespace Agent.Sandbox.ControlPlane.Api;

/// <summary>Body of <c>POST /sandbox/agents/{agentId}/requests</c>.</summary>
/// <param name="Type">The request type, e.g. <c>pipeline.run</c>.</param>
/// <param name="Payload">The request payload, sent unchanged; <c>{}</c> when absent.</param>
/// <param name="Id">The envelope id; a new GUID when absent. An existing id sends that request again.</param>
/// <param name="TimeoutSeconds">How long to wait for the result (default from options, 30 s).</param>
/// <param name="Wait">False answers 202 at once; fetch the result from <c>/sandbox/requests/{id}</c>.</param>
internal sealed record SendRequestBody(string? Type, JsonElement? Payload, string? Id, int? TimeoutSeconds, bool? Wait);
