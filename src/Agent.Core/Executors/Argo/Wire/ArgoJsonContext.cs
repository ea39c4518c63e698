using System.Text.Json;
using System.Text.Json.Serialization;

namespace Agent.Core.Executors.Argo.Wire;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(WorkflowJson))]
[JsonSerializable(typeof(WorkflowListJson))]
[JsonSerializable(typeof(CronWorkflowJson))]
[JsonSerializable(typeof(CronWorkflowListJson))]
[JsonSerializable(typeof(VersionJson))]
[JsonSerializable(typeof(StreamLineJson<WatchEventJson>))]
[JsonSerializable(typeof(StreamLineJson<LogEntryJson>))]
internal sealed partial class ArgoJsonContext : JsonSerializerContext;
