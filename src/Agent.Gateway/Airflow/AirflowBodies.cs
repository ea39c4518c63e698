using System.Text.Json.Serialization;

namespace Agent.Gateway.Airflow;

/// <summary><c>ApiResponse.error</c>'s shape in the plugin (api/response.py): <c>{"error": message}</c>.</summary>
internal sealed record ErrorBody(string Error);

/// <summary>The plugin's success shape for deploy, kill, toggle, delete and run_automation: <c>{"message": …}</c>.</summary>
internal sealed record MessageBody(string Message);

/// <summary>trigger's answer; <c>runId</c> is extra (the client ignores the body) and lets an operator find the run.</summary>
internal sealed record TriggerBody(string Message, string RunId);

/// <summary>health and health-auth (operations/health.py <c>health_response</c>).</summary>
internal sealed record HealthBody(string Status, string Version);

/// <summary>csrf-token (routes/csrf_token.py): the client keeps a non-empty <c>csrf_token</c> and sends it back.</summary>
internal sealed record CsrfBody([property: JsonPropertyName("csrf_token")] string CsrfToken, string Message);

/// <summary>ip (routes/ip.py): the egress address ingestion runs from.</summary>
internal sealed record IpBody(string Ip);

/// <summary>
/// One entry of status's answer, OpenMetadata's PipelineStatus: exactly these fields (its schema has
/// <c>additionalProperties: false</c>), dates in epoch milliseconds, <c>endDate</c> left out while the run goes on.
/// </summary>
internal sealed record PipelineStatusBody(string PipelineState, string RunId, long? StartDate, long Timestamp, long? EndDate);
