using System.Text.Json.Nodes;

namespace Agent.Sandbox.Argo.Faults;

/// <summary>One Argo API call as the emulator received it; <see cref="Body"/> is null for calls without one.</summary>
internal sealed record RecordedRequest(string Method, string Route, string Path, string Query, JsonNode? Body, string? RawBody);
