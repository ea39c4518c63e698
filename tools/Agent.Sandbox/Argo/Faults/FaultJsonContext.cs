using System.Text.Json;
using System.Text.Json.Serialization;

namespace Agent.Sandbox.Argo.Faults;

/// <summary>Source-generated JSON for the fault control route (camelCase, like the other sandbox routes).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ArgoFaultOptions))]
internal sealed partial class FaultJsonContext : JsonSerializerContext;
