using System.Text.Json;
using System.Text.Json.Serialization;

namespace Agent.Gateway.Airflow;

/// <summary>Source-generated JSON for the Airflow answers, in the plugin's camelCase (snake_case for csrf_token).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(MessageBody))]
[JsonSerializable(typeof(TriggerBody))]
[JsonSerializable(typeof(HealthBody))]
[JsonSerializable(typeof(CsrfBody))]
[JsonSerializable(typeof(IpBody))]
[JsonSerializable(typeof(List<PipelineStatusBody>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class AirflowJsonContext : JsonSerializerContext;
