using System.Text.Json;
using System.Text.Json.Serialization;

namespace Agent.Sandbox.Kubernetes.Faults;

/// <summary>Source-generated JSON for the fault control route (camelCase, like the other sandbox routes).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(KubernetesFaultOptions))]
[JsonSerializable(typeof(KubernetesFaultsView))]
internal sealed partial class KubernetesFaultJsonContext : JsonSerializerContext;
