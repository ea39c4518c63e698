using System.Text.Json;
using System.Text.Json.Serialization;

namespace Agent.Sandbox.OpenMetadata;

/// <summary>Source-generated JSON for the OpenMetadata emulator's own types (camelCase, as OpenMetadata writes).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OpenMetadataError))]
[JsonSerializable(typeof(RegisterServiceBody))]
[JsonSerializable(typeof(ServiceEntity))]
[JsonSerializable(typeof(IReadOnlyList<ServiceEntity>))]
[JsonSerializable(typeof(IReadOnlyList<ServiceLookupRecord>))]
internal sealed partial class OpenMetadataJsonContext : JsonSerializerContext;
