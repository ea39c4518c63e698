using System.Text.Json;
using System.Text.Json.Serialization;

namespace Agent.Web.Health;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(HealthResponse))]
public sealed partial class HealthJsonContext : JsonSerializerContext;
