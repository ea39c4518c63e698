using System.Text.Json;
using System.Text.Json.Serialization;

namespace Agent.Web.Admin;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ConnectionView))]
[JsonSerializable(typeof(JobView))]
[JsonSerializable(typeof(JobsPage))]
[JsonSerializable(typeof(DiagnosticsView))]
[JsonSerializable(typeof(DrainView))]
[JsonSerializable(typeof(JobLogsView))]
internal sealed partial class AdminJsonContext : JsonSerializerContext;
