using System.Text.Json;
using System.Text.Json.Serialization;

namespace Agent.Gateway.Hosting.Admin;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IReadOnlyList<AgentView>))]
[JsonSerializable(typeof(IReadOnlyList<PipelineView>))]
internal sealed partial class AdminJsonContext : JsonSerializerContext;
